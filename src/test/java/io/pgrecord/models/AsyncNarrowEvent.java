package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A model whose table lacks one of its columns. */
@Table("events_narrow")
public class AsyncNarrowEvent extends AsyncActiveRecord<AsyncNarrowEvent> {
    public static final AsyncFinder<AsyncNarrowEvent> find = finder(AsyncNarrowEvent.class);
    @Id public Long id;
    public String payload;
}
