package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.HasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** Include edge cases: an integer foreign key to a bigint id, a many-to-many target with soft delete, a schema-qualified join table. */
@Table("ie_books")
public class IeBook extends ActiveRecord<IeBook> {
    public static final Finder<IeBook> find = finder(IeBook.class);
    @Id public Long id;
    public String title;
    public final HasMany<IeGenre> genres = hasManyThrough(IeGenre.class, "public.ie_books_genres", "book_id", "genre_id");
}
