package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** The owner side of {@link AItem}, for DDL from models. */
@Table("shops")
public class AShop extends AsyncActiveRecord<AShop> {
    public static final AsyncFinder<AShop> find = finder(AShop.class);
    @Id public Long id;
    @Column(nullable = false, unique = true) public String name;
}
