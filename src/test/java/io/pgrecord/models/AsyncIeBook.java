package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.AsyncHasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** Include edge cases: an integer foreign key to a bigint id, a many-to-many target with soft delete, a schema-qualified join table. */
@Table("ie_books")
public class AsyncIeBook extends AsyncActiveRecord<AsyncIeBook> {
    public static final AsyncFinder<AsyncIeBook> find = finder(AsyncIeBook.class);
    @Id public Long id;
    public String title;
    public final AsyncHasMany<AsyncIeGenre> genres = hasManyThrough(AsyncIeGenre.class, "public.ie_books_genres", "book_id", "genre_id");
}
