package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("events")
public class AsyncEvent extends AsyncActiveRecord<AsyncEvent> {
    public static final AsyncFinder<AsyncEvent> find = finder(AsyncEvent.class);
    @Id public Long id;
    public String payload;
}
