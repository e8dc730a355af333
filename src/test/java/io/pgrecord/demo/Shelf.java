package io.pgrecord.demo;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** On the table that the Flyway migrations in src/test/resources/db/migration make. */
@Table("shelves")
public class Shelf extends ActiveRecord<Shelf> {
    public static final Finder<Shelf> find = finder(Shelf.class);
    @Id public Long id;
    public String room;
    public String label;                                               // added by V2
}
