package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Sensitive;
import io.pgrecord.Table;

/** The reactive twin of {@link LogProbe}. */
@Table("log_probes")
public class AsyncLogProbe extends AsyncActiveRecord<AsyncLogProbe> {
    public static final AsyncFinder<AsyncLogProbe> find = finder(AsyncLogProbe.class);
    @Id public Long id;
    public String name;
    @Sensitive public String secret;
    public String pin;
}
