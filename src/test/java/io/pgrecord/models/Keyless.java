package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Table;

/** No {@code @Id}: refused when the model is first used, before any SQL. */
@Table("gauges")
public class Keyless extends ActiveRecord<Keyless> {
    public static final Finder<Keyless> find = finder(Keyless.class);
    public String name;
}
