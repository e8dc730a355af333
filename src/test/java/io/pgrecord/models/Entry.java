package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A model of a schema-qualified table. */
@Table("ledger.entries")
public class Entry extends ActiveRecord<Entry> {
    public static final Finder<Entry> find = finder(Entry.class);
    @Id public Long id;
    public String name;
    public Integer amount;
}
