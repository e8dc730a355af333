package io.pgrecord.bench.model;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.HasMany;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("bench_parents")
public class Parent extends ActiveRecord<Parent> {
    public static final Finder<Parent> find = finder(Parent.class);
    @Id public Long id;
    public String name;
    public final HasMany<Child> children = hasMany(Child.class, "parent_id");
}
