package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** An Integer field over a text column, read without jOOQ. */
@Table("misfits")
public class AMisfit extends AsyncActiveRecord<AMisfit> {
    public static final AsyncFinder<AMisfit> find = finder(AMisfit.class);
    @Id public Long id;
    public Integer name;                  // a text column
}
