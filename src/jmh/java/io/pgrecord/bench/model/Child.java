package io.pgrecord.bench.model;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("bench_children")
public class Child extends ActiveRecord<Child> {
    public static final Finder<Child> find = finder(Child.class);
    @Id public Long id;
    public Long parentId;
    public String name;
}
