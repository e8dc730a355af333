package io.pgrecord.models;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Column;
import io.pgrecord.Finder;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A column of a DOMAIN type with a CHECK. */
@Table("wallets")
public class Wallet extends ActiveRecord<Wallet> {
    public static final Finder<Wallet> find = finder(Wallet.class);
    @Id public Long id;
    @Column(type = "positive_int") public Integer coins;
}
