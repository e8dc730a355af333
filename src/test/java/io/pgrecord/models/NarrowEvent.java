package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A model whose table lacks one of its columns. */
@Table("events_narrow")
public class NarrowEvent extends ActiveRecord<NarrowEvent> {
    public static final Finder<NarrowEvent> find = finder(NarrowEvent.class);
    @Id public Long id;
    public String payload;
}
