package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.SoftDelete;
import io.pgrecord.Table;
import java.time.OffsetDateTime;

/** Include edge cases: an integer foreign key to a bigint id, a many-to-many target with soft delete, a schema-qualified join table. */
@Table("ie_genres")
public class IeGenre extends ActiveRecord<IeGenre> {
    public static final Finder<IeGenre> find = finder(IeGenre.class);
    @Id public Long id;
    public String name;
    @SoftDelete public OffsetDateTime deletedAt;
}
