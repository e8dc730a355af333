package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.time.LocalDate;

/** A LocalDate field over an integer column. */
@Table("misfits")
public class AsyncMisfitDate extends AsyncActiveRecord<AsyncMisfitDate> {
    public static final AsyncFinder<AsyncMisfitDate> find = finder(AsyncMisfitDate.class);
    @Id public Long id;
    public LocalDate born;                // an integer column
}
