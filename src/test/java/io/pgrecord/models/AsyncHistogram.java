package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** {@link Histogram} on the reactive API. */
@Table("histograms")
public class AsyncHistogram extends AsyncActiveRecord<AsyncHistogram> {
    public static final AsyncFinder<AsyncHistogram> find = finder(AsyncHistogram.class);
    @Id public Long id;
    public int[] counts;
    public long[] totals;
}
