package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Dates and times only, so its statements take the direct path (no jOOQ per call); table made by DateTimeEdgesTest. */
@Table("dated")
public class Dated extends ActiveRecord<Dated> {
    public static final Finder<Dated> find = finder(Dated.class);
    @Id public Long id;
    public LocalDate day;
    public LocalDateTime stamp;
    public OffsetDateTime stampTz;
}
