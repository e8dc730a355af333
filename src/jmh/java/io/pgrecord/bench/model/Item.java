package io.pgrecord.bench.model;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("bench_items")
public class Item extends ActiveRecord<Item> {
    public static final Finder<Item> find = finder(Item.class);
    @Id public Long id;
    public String name;
    public Integer qty;
    public Boolean active;
}
