package io.pgrecord.bench.model;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

@Table("bench_ins")
public class NewItem extends ActiveRecord<NewItem> {
    public static final Finder<NewItem> find = finder(NewItem.class);
    @Id public Long id;
    public String name;
    public Integer qty;
    public Boolean active;
}
