package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("events")
public class AEvent extends AsyncActiveRecord<AEvent> {
    public static final AsyncFinder<AEvent> find = finder(AEvent.class);
    @Id public Long id;
    public String payload;
}
