package io.pgrecord.demo;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The reactive model of {@link Shelf}'s table. */
@Table("shelves")
public class AsyncShelf extends AsyncActiveRecord<AsyncShelf> {
    public static final AsyncFinder<AsyncShelf> find = finder(AsyncShelf.class);
    @Id public Long id;
    public String room;
    public String label;
}
