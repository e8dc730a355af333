package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import org.jooq.postgres.extensions.types.LocalDateRange;

@Table("bookings")
public class ABooking extends AsyncActiveRecord<ABooking> {
    public static final AsyncFinder<ABooking> find = finder(ABooking.class);
    @Id public Long id;
    public Integer room;
    public LocalDateRange dateRange;
}
