package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** The reactive twin of {@link Meter}. */
@Table("gauges")
public class AsyncMeter extends AsyncActiveRecord<AsyncMeter> {
    public static final AsyncFinder<AsyncMeter> find = finder(AsyncMeter.class);
    @Id public Long id;
    public String name;
    @Version public int version;
}
