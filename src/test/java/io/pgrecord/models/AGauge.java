package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** The reactive twin of {@link Gauge}. */
@Table("gauges")
public class AGauge extends AsyncActiveRecord<AGauge> {
    public static final AsyncFinder<AGauge> find = finder(AGauge.class);
    @Id public Long id;
    public String name;
    @Version public Integer version;
}
