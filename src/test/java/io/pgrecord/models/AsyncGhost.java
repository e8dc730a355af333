package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The reactive twin of {@link Ghost}. */
@Table("ghosts")
public class AsyncGhost extends AsyncActiveRecord<AsyncGhost> {
    public static final AsyncFinder<AsyncGhost> find = finder(AsyncGhost.class);
    @Id public Long id;
    public String name;
}
