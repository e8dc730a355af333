package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A VIRTUAL generated column: PostgreSQL 18+. */
@Table("tickets")
public class ATicket extends AsyncActiveRecord<ATicket> {
    public static final AsyncFinder<ATicket> find = finder(ATicket.class);
    @Id public Long id;
    public Integer price;
    @Column(generated = "price * 2", virtual = true) public Integer doubled;
}
