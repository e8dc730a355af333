package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The reactive twin of {@link Dial}. */
@Table("gauges")
public class AsyncDial extends AsyncActiveRecord<AsyncDial> {
    public static final AsyncFinder<AsyncDial> find = finder(AsyncDial.class);
    @Id public long id;
    public String name;
}
