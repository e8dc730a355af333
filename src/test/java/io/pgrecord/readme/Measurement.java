package io.pgrecord.readme;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.time.LocalDate;

/** A row of a table partitioned by {@code day}, which is part of the key as PostgreSQL requires. */
@Table("measurements")
public class Measurement extends ActiveRecord<Measurement> {
    public static final Finder<Measurement> find = finder(Measurement.class);
    @Id public Long id;
    @Id public LocalDate day;
    public Integer reading;
}
