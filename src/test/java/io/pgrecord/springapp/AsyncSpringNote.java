package io.pgrecord.springapp;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The reactive twin of {@link SpringNote}. */
@Table("spring_notes")
public class AsyncSpringNote extends AsyncActiveRecord<AsyncSpringNote> {
    public static final AsyncFinder<AsyncSpringNote> find = finder(AsyncSpringNote.class);
    @Id public Long id;
    public String body;

    static AsyncSpringNote of(String body) {
        AsyncSpringNote note = new AsyncSpringNote();
        note.body = body;
        return note;
    }
}
