package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.SoftDelete;
import io.pgrecord.Table;
import io.pgrecord.Version;
import java.time.OffsetDateTime;

/** A soft-deleted model with optimistic locking; the test that uses it creates its table. */
@Table("versioned_notes")
public class AsyncVersionedNote extends AsyncActiveRecord<AsyncVersionedNote> {
    public static final AsyncFinder<AsyncVersionedNote> find = finder(AsyncVersionedNote.class);
    @Id public Long id;
    public String body;
    @Version public Integer lockVersion;
    @SoftDelete public OffsetDateTime deletedAt;
}
