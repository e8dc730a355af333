package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncBelongsTo;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** Include edge cases: an integer foreign key to a bigint id, a many-to-many target with soft delete, a schema-qualified join table. */
@Table("ie_notes")
public class AsyncIeNote extends AsyncActiveRecord<AsyncIeNote> {
    public static final AsyncFinder<AsyncIeNote> find = finder(AsyncIeNote.class);
    @Id public Long id;
    public Integer authorId;
    public String body;
    public final AsyncBelongsTo<AsyncIeAuthor> author = belongsTo(AsyncIeAuthor.class, "author_id");
}
