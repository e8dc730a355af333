package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;

/** The reactive twin of {@link Person}; its derived table name is a_person. */
public class APerson extends AsyncActiveRecord<APerson> {
    public static final AsyncFinder<APerson> find = finder(APerson.class);
    @Id public Long id;
    public String name;
}
