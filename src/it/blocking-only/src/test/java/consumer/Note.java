package consumer;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("notes")
public class Note extends ActiveRecord<Note> {
    public static final Finder<Note> find = finder(Note.class);
    @Id public Long id;
    public String body;

    static Note of(String body) {
        Note note = new Note();
        note.body = body;
        return note;
    }
}
