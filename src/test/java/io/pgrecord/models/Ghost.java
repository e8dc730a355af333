package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A {@code @Table} that does not exist: the error is the server's, without a hint about the name. */
@Table("ghosts")
public class Ghost extends ActiveRecord<Ghost> {
    public static final Finder<Ghost> find = finder(Ghost.class);
    @Id public Long id;
    public String name;
}
