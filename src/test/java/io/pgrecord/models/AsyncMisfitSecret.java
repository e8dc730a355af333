package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Sensitive;
import io.pgrecord.Table;

/** A @Sensitive Integer field over a text column: an error about it must not show the value. */
@Table("misfits")
public class AsyncMisfitSecret extends AsyncActiveRecord<AsyncMisfitSecret> {
    public static final AsyncFinder<AsyncMisfitSecret> find = finder(AsyncMisfitSecret.class);
    @Id public Long id;
    @Sensitive @Column(name = "name") public Integer pin;
}
