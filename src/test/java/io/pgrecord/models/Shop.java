package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The owner side of {@link Item}, for DDL from models. */
@Table("shops")
public class Shop extends ActiveRecord<Shop> {
    public static final Finder<Shop> find = finder(Shop.class);
    @Id public Long id;
    @Column(nullable = false, unique = true) public String name;
}
