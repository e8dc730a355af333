package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** A counter under optimistic locking, for the Javadoc of {@code TransactionOptions.retryOnStale}. */
@Table("counters")
public class Counter extends ActiveRecord<Counter> {
    public static final Finder<Counter> find = finder(Counter.class);
    @Id public Long id;
    public Long value;
    @Version public Integer lockVersion;
}
