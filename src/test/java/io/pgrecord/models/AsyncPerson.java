package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;

/** The reactive twin of {@link Person}; its derived table name is async_person. */
public class AsyncPerson extends AsyncActiveRecord<AsyncPerson> {
    public static final AsyncFinder<AsyncPerson> find = finder(AsyncPerson.class);
    @Id public Long id;
    public String name;
}
