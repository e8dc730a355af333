package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.SoftDelete;
import io.pgrecord.Table;
import java.time.OffsetDateTime;

@Table("notes")
public class AsyncNote extends AsyncActiveRecord<AsyncNote> {
    public static final AsyncFinder<AsyncNote> find = finder(AsyncNote.class);
    @Id public Long id;
    public String body;
    @SoftDelete public OffsetDateTime deletedAt;
}
