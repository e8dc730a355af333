package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** A {@code @Version} over a column with {@code DEFAULT 1}: the first save stores the default. */
@Table("gauges")
public class Gauge extends ActiveRecord<Gauge> {
    public static final Finder<Gauge> find = finder(Gauge.class);
    @Id public Long id;
    public String name;
    @Version public Integer version;
}
