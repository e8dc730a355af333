package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;

/** No {@code @Table}: its table name, person, is derived from the class name, and there is no such table. */
public class Person extends ActiveRecord<Person> {
    public static final Finder<Person> find = finder(Person.class);
    @Id public Long id;
    public String name;
}
