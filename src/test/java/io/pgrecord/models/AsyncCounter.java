package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** A contended counter with optimistic locking. */
@Table("counters")
public class AsyncCounter extends AsyncActiveRecord<AsyncCounter> {
    public static final AsyncFinder<AsyncCounter> find = finder(AsyncCounter.class);
    @Id public Long id;
    public Long value;
    @Version public Integer lockVersion;
}
