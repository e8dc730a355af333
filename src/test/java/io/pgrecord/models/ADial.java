package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The reactive twin of {@link Dial}. */
@Table("gauges")
public class ADial extends AsyncActiveRecord<ADial> {
    public static final AsyncFinder<ADial> find = finder(ADial.class);
    @Id public long id;
    public String name;
}
