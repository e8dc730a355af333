package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** An Integer field over a text column, read without jOOQ. */
@Table("misfits")
public class Misfit extends ActiveRecord<Misfit> {
    public static final Finder<Misfit> find = finder(Misfit.class);
    @Id public Long id;
    public Integer name;                  // a text column
}
