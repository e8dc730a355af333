package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.types.MultiRange;
import org.jooq.postgres.extensions.types.LocalDateRange;

/** A model with a multirange field: PostgreSQL 14+. */
@Table("schedules")
public class AsyncSchedule extends AsyncActiveRecord<AsyncSchedule> {
    public static final AsyncFinder<AsyncSchedule> find = finder(AsyncSchedule.class);
    @Id public Long id;
    public MultiRange<LocalDateRange> days;
}
