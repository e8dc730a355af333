package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("preferences")
public class APreference extends AsyncActiveRecord<APreference> {
    public static final AsyncFinder<APreference> find = finder(APreference.class);
    @Id public Long id;
    @Column(type = "jsonb") public Settings settings;
}
