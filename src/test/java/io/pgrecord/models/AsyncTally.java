package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** The reactive twin of {@link Tally}. */
@Table("tallies")
public class AsyncTally extends AsyncActiveRecord<AsyncTally> {
    public static final AsyncFinder<AsyncTally> find = finder(AsyncTally.class);
    @Id public Long id;
    public String name;
    @Version public Long version;
}
