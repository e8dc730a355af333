package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.SoftDelete;
import io.pgrecord.Table;
import java.time.OffsetDateTime;

@Table("notes")
public class ANote extends AsyncActiveRecord<ANote> {
    public static final AsyncFinder<ANote> find = finder(ANote.class);
    @Id public Long id;
    public String body;
    @SoftDelete public OffsetDateTime deletedAt;
}
