package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Table;

/** The reactive twin of {@link Keyless}. */
@Table("gauges")
public class AsyncKeyless extends AsyncActiveRecord<AsyncKeyless> {
    public static final AsyncFinder<AsyncKeyless> find = finder(AsyncKeyless.class);
    public String name;
}
