package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Table;

/** The reactive twin of {@link Keyless}. */
@Table("gauges")
public class AKeyless extends AsyncActiveRecord<AKeyless> {
    public static final AsyncFinder<AKeyless> find = finder(AKeyless.class);
    public String name;
}
