package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The owner side of {@link AsyncItem}, for DDL from models. */
@Table("shops")
public class AsyncShop extends AsyncActiveRecord<AsyncShop> {
    public static final AsyncFinder<AsyncShop> find = finder(AsyncShop.class);
    @Id public Long id;
    @Column(nullable = false, unique = true) public String name;
}
