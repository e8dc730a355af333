package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.types.MultiRange;
import org.jooq.postgres.extensions.types.LocalDateRange;

/** A model with a multirange field: PostgreSQL 14+. */
@Table("schedules")
public class ASchedule extends AsyncActiveRecord<ASchedule> {
    public static final AsyncFinder<ASchedule> find = finder(ASchedule.class);
    @Id public Long id;
    public MultiRange<LocalDateRange> days;
}
