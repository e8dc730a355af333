package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.SoftDelete;
import io.pgrecord.Table;
import java.time.OffsetDateTime;

@Table("notes")
public class Note extends ActiveRecord<Note> {
    public static final Finder<Note> find = finder(Note.class);
    @Id public Long id;
    public String body;
    @SoftDelete public OffsetDateTime deletedAt;
}
