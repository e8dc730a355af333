package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** A contended counter with optimistic locking. */
@Table("counters")
public class ACounter extends AsyncActiveRecord<ACounter> {
    public static final AsyncFinder<ACounter> find = finder(ACounter.class);
    @Id public Long id;
    public Long value;
    @Version public Integer lockVersion;
}
