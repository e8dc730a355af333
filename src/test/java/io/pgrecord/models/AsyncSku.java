package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A table with a unique constraint and a partial unique index, for upserts. */
@Table("skus")
public class AsyncSku extends AsyncActiveRecord<AsyncSku> {
    public static final AsyncFinder<AsyncSku> find = finder(AsyncSku.class);
    @Id public Long id;
    public String code;
    public String region;
    public Integer price;
    public String slug;
    public Boolean active;
}
