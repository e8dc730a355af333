package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** An Integer field over a text column, read without jOOQ. */
@Table("misfits")
public class AsyncMisfit extends AsyncActiveRecord<AsyncMisfit> {
    public static final AsyncFinder<AsyncMisfit> find = finder(AsyncMisfit.class);
    @Id public Long id;
    public Integer name;                  // a text column
}
