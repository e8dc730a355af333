package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Sensitive;
import io.pgrecord.Table;

/** A @Sensitive Integer field over a text column: an error about it must not show the value. */
@Table("misfits")
public class MisfitSecret extends ActiveRecord<MisfitSecret> {
    public static final Finder<MisfitSecret> find = finder(MisfitSecret.class);
    @Id public Long id;
    @Sensitive @Column(name = "name") public Integer pin;
}
