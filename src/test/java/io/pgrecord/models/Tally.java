package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;
import io.pgrecord.Version;

/** A {@code @Version} over a NOT NULL column without a default: the first save stores 0. */
@Table("tallies")
public class Tally extends ActiveRecord<Tally> {
    public static final Finder<Tally> find = finder(Tally.class);
    @Id public Long id;
    public String name;
    @Version public Long version;
}
