package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** A primitive {@code @Version}: never null, so written as it is, whatever the column's default. */
@Table("gauges")
public class Meter extends ActiveRecord<Meter> {
    public static final Finder<Meter> find = finder(Meter.class);
    @Id public Long id;
    public String name;
    @Version public int version;
}
