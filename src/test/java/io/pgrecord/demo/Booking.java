package io.pgrecord.demo;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import org.jooq.postgres.extensions.types.LocalDateRange;

public class Booking extends ActiveRecord<Booking> {
    public static final Finder<Booking> find = finder(Booking.class);
    @Id public Long id;
    public Integer room;
    public LocalDateRange dateRange;                                   // daterange
}
