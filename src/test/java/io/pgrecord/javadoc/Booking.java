package io.pgrecord.javadoc;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Id;
import io.pgrecord.Indexed;
import io.pgrecord.Table;
import java.time.OffsetDateTime;

/** The model that the Javadoc of {@code @Indexed} shows. */
// @start region="indexed"
@Table("bookings")
@Indexed(value = "room_id", using = "brin")
@Indexed(value = {"email"}, unique = true, nullsNotDistinct = true)      // PostgreSQL 15+
@Indexed(value = "room_id", where = "cancelled_at IS NULL", include = "note")
public class Booking extends ActiveRecord<Booking> {
    @Id public Long id;
    public Integer roomId;
    public String email;
    public String note;
    public OffsetDateTime cancelledAt;
}
// @end
