package io.pgrecord.bench.model;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.AsyncHasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("bench_parents")
public class AsyncParent extends AsyncActiveRecord<AsyncParent> {
    public static final AsyncFinder<AsyncParent> find = finder(AsyncParent.class);
    @Id public Long id;
    public String name;
    public final AsyncHasMany<AsyncChild> children = hasMany(AsyncChild.class, "parent_id");
}
