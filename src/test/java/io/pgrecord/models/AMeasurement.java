package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.time.LocalDate;

/** A row of a range-partitioned table: the partition key is part of the composite primary key. */
@Table("measurements")
public class AMeasurement extends AsyncActiveRecord<AMeasurement> {
    public static final AsyncFinder<AMeasurement> find = finder(AMeasurement.class);
    @Id public Long id;
    @Id public LocalDate day;
    public Integer reading;
}
