package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A VIRTUAL generated column: PostgreSQL 18+. */
@Table("tickets")
public class Ticket extends ActiveRecord<Ticket> {
    public static final Finder<Ticket> find = finder(Ticket.class);
    @Id public Long id;
    public Integer price;
    @Column(generated = "price * 2", virtual = true) public Integer doubled;
}
