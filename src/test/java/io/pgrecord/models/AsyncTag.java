package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("tags")
public class AsyncTag extends AsyncActiveRecord<AsyncTag> {
    public static final AsyncFinder<AsyncTag> find = finder(AsyncTag.class);
    @Id public Long id;
    public String label;
}
