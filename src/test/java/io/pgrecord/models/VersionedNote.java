package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.SoftDelete;
import io.pgrecord.Table;
import io.pgrecord.Version;
import java.time.OffsetDateTime;

/** A soft-deleted model with optimistic locking; the test that uses it creates its table. */
@Table("versioned_notes")
public class VersionedNote extends ActiveRecord<VersionedNote> {
    public static final Finder<VersionedNote> find = finder(VersionedNote.class);
    @Id public Long id;
    public String body;
    @Version public Integer lockVersion;
    @SoftDelete public OffsetDateTime deletedAt;
}
