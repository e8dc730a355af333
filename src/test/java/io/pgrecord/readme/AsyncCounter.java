package io.pgrecord.readme;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** {@link Counter} on the reactive backend. */
@Table("counters")
public class AsyncCounter extends AsyncActiveRecord<AsyncCounter> {
    public static final AsyncFinder<AsyncCounter> find = finder(AsyncCounter.class);
    @Id public Long id;
    public Long value;
    @Version public Integer lockVersion;
}
