package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A model of a schema-qualified table. */
@Table("ledger.entries")
public class AsyncEntry extends AsyncActiveRecord<AsyncEntry> {
    public static final AsyncFinder<AsyncEntry> find = finder(AsyncEntry.class);
    @Id public Long id;
    public String name;
    public Integer amount;
}
