package io.pgrecord.bench.model;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("bench_items")
public class AsyncItem extends AsyncActiveRecord<AsyncItem> {
    public static final AsyncFinder<AsyncItem> find = finder(AsyncItem.class);
    @Id public Long id;
    public String name;
    public Integer qty;
    public Boolean active;
}
