package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The reactive twin of {@link Ghost}. */
@Table("ghosts")
public class AGhost extends AsyncActiveRecord<AGhost> {
    public static final AsyncFinder<AGhost> find = finder(AGhost.class);
    @Id public Long id;
    public String name;
}
