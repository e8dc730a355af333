package io.pgrecord.bench.model;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("bench_ins")
public class AsyncNewItem extends AsyncActiveRecord<AsyncNewItem> {
    public static final AsyncFinder<AsyncNewItem> find = finder(AsyncNewItem.class);
    @Id public Long id;
    public String name;
    public Integer qty;
    public Boolean active;
}
