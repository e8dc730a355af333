package io.pgrecord.bench.model;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("bench_children")
public class AsyncChild extends AsyncActiveRecord<AsyncChild> {
    public static final AsyncFinder<AsyncChild> find = finder(AsyncChild.class);
    @Id public Long id;
    public Long parentId;
    public String name;
}
