package io.pgrecord.springapp;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A blocking model of the Spring tests' own table, configured by the auto-configuration only. */
@Table("spring_notes")
public class SpringNote extends ActiveRecord<SpringNote> {
    public static final Finder<SpringNote> find = finder(SpringNote.class);
    @Id public Long id;
    public String body;

    static SpringNote of(String body) {
        SpringNote note = new SpringNote();
        note.body = body;
        return note;
    }
}
