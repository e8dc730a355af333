package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.HasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** Include edge cases: an integer foreign key to a bigint id, a many-to-many target with soft delete, a schema-qualified join table. */
@Table("ie_authors")
public class IeAuthor extends ActiveRecord<IeAuthor> {
    public static final Finder<IeAuthor> find = finder(IeAuthor.class);
    @Id public Long id;
    public String name;
    public final HasMany<IeNote> notes = hasMany(IeNote.class, "author_id");
}
