package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.AsyncHasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** Include edge cases: an integer foreign key to a bigint id, a many-to-many target with soft delete, a schema-qualified join table. */
@Table("ie_authors")
public class AsyncIeAuthor extends AsyncActiveRecord<AsyncIeAuthor> {
    public static final AsyncFinder<AsyncIeAuthor> find = finder(AsyncIeAuthor.class);
    @Id public Long id;
    public String name;
    public final AsyncHasMany<AsyncIeNote> notes = hasMany(AsyncIeNote.class, "author_id");
}
