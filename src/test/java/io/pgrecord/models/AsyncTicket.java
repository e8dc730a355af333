package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A VIRTUAL generated column: PostgreSQL 18+. */
@Table("tickets")
public class AsyncTicket extends AsyncActiveRecord<AsyncTicket> {
    public static final AsyncFinder<AsyncTicket> find = finder(AsyncTicket.class);
    @Id public Long id;
    public Integer price;
    @Column(generated = "price * 2", virtual = true) public Integer doubled;
}
