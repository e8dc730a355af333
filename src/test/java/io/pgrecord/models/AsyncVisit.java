package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncBelongsTo;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A model of plain fields that belongs to an {@link AsyncSchedule}: an include reaching a 14+ model. */
@Table("visits")
public class AsyncVisit extends AsyncActiveRecord<AsyncVisit> {
    public static final AsyncFinder<AsyncVisit> find = finder(AsyncVisit.class);
    @Id public Long id;
    public Long scheduleId;
    public final AsyncBelongsTo<AsyncSchedule> schedule = belongsTo(AsyncSchedule.class, "schedule_id");
}
