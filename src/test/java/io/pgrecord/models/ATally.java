package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** The reactive twin of {@link Tally}. */
@Table("tallies")
public class ATally extends AsyncActiveRecord<ATally> {
    public static final AsyncFinder<ATally> find = finder(ATally.class);
    @Id public Long id;
    public String name;
    @Version public Long version;
}
