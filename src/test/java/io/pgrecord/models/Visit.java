package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.BelongsTo;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A model of plain fields that belongs to a {@link Schedule}: an include reaching a 14+ model. */
@Table("visits")
public class Visit extends ActiveRecord<Visit> {
    public static final Finder<Visit> find = finder(Visit.class);
    @Id public Long id;
    public Long scheduleId;
    public final BelongsTo<Schedule> schedule = belongsTo(Schedule.class, "schedule_id");
}
