package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.time.LocalDate;

/** A row of a range-partitioned table: the partition key is part of the composite primary key. */
@Table("measurements")
public class Measurement extends ActiveRecord<Measurement> {
    public static final Finder<Measurement> find = finder(Measurement.class);
    @Id public Long id;
    @Id public LocalDate day;
    public Integer reading;
}
