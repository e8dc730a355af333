package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.time.LocalDate;

/** A LocalDate field over an integer column. */
@Table("misfits")
public class AMisfitDate extends AsyncActiveRecord<AMisfitDate> {
    public static final AsyncFinder<AMisfitDate> find = finder(AMisfitDate.class);
    @Id public Long id;
    public LocalDate born;                // an integer column
}
