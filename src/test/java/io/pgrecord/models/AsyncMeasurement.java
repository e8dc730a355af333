package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import java.time.LocalDate;

/** A row of a range-partitioned table: the partition key is part of the composite primary key. */
@Table("measurements")
public class AsyncMeasurement extends AsyncActiveRecord<AsyncMeasurement> {
    public static final AsyncFinder<AsyncMeasurement> find = finder(AsyncMeasurement.class);
    @Id public Long id;
    @Id public LocalDate day;
    public Integer reading;
}
