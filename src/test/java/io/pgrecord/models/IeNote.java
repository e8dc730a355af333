package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.BelongsTo;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** Include edge cases: an integer foreign key to a bigint id, a many-to-many target with soft delete, a schema-qualified join table. */
@Table("ie_notes")
public class IeNote extends ActiveRecord<IeNote> {
    public static final Finder<IeNote> find = finder(IeNote.class);
    @Id public Long id;
    public Integer authorId;
    public String body;
    public final BelongsTo<IeAuthor> author = belongsTo(IeAuthor.class, "author_id");
}
