package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.types.MultiRange;
import org.jooq.postgres.extensions.types.LocalDateRange;

/** A model with a multirange field: PostgreSQL 14+. */
@Table("schedules")
public class Schedule extends ActiveRecord<Schedule> {
    public static final Finder<Schedule> find = finder(Schedule.class);
    @Id public Long id;
    public MultiRange<LocalDateRange> days;
}
