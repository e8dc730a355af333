package io.pgrecord.models;

import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.Column;
import io.pgrecord.Id;
import io.pgrecord.Table;

/** A column of a DOMAIN type with a CHECK. */
@Table("wallets")
public class AsyncWallet extends AsyncActiveRecord<AsyncWallet> {
    public static final AsyncFinder<AsyncWallet> find = finder(AsyncWallet.class);
    @Id public Long id;
    @Column(type = "positive_int") public Integer coins;
}
