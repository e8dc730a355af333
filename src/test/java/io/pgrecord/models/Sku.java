package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A table with a unique constraint and a partial unique index, for upserts. */
@Table("skus")
public class Sku extends ActiveRecord<Sku> {
    public static final Finder<Sku> find = finder(Sku.class);
    @Id public Long id;
    public String code;
    public String region;
    public Integer price;
    public String slug;
    public Boolean active;
}
