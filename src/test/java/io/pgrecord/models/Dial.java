package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A primitive {@code @Id}: refused when the model is first used, since 0 would be inserted as its key. */
@Table("gauges")
public class Dial extends ActiveRecord<Dial> {
    public static final Finder<Dial> find = finder(Dial.class);
    @Id public long id;
    public String name;
}
