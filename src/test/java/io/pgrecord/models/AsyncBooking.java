package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import org.jooq.postgres.extensions.types.LocalDateRange;

@Table("bookings")
public class AsyncBooking extends AsyncActiveRecord<AsyncBooking> {
    public static final AsyncFinder<AsyncBooking> find = finder(AsyncBooking.class);
    @Id public Long id;
    public Integer room;
    public LocalDateRange dateRange;
}
