package io.pgrecord.usertest;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The reactive model of the user-style test, on the same table as {@link Book}. */
@Table("books")
public class AsyncBook extends AsyncActiveRecord<AsyncBook> {
    public static final AsyncFinder<AsyncBook> find = finder(AsyncBook.class);
    @Id public Long id;
    public String title;
}
