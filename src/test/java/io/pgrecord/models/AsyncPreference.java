package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("preferences")
public class AsyncPreference extends AsyncActiveRecord<AsyncPreference> {
    public static final AsyncFinder<AsyncPreference> find = finder(AsyncPreference.class);
    @Id public Long id;
    @Column(type = "jsonb") public Settings settings;
    @Column(type = "jsonb") public Emblem emblem;
}
