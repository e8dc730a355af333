package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.time.LocalDate;

/** A LocalDate field over an integer column. */
@Table("misfits")
public class MisfitDate extends ActiveRecord<MisfitDate> {
    public static final Finder<MisfitDate> find = finder(MisfitDate.class);
    @Id public Long id;
    public LocalDate born;                // an integer column
}
