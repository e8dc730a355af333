package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** The reactive twin of {@link Gauge}. */
@Table("gauges")
public class AsyncGauge extends AsyncActiveRecord<AsyncGauge> {
    public static final AsyncFinder<AsyncGauge> find = finder(AsyncGauge.class);
    @Id public Long id;
    public String name;
    @Version public Integer version;
}
