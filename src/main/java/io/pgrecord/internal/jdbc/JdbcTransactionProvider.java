package io.pgrecord.internal.jdbc;

import io.pgrecord.TransactionOptions;
import org.jooq.Transaction;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;

/**
 * Makes {@code backend.dsl().transaction(...)} use the backend's transaction engine, so raw
 * jOOQ transactions and model transactions nest into each other.
 */
final class JdbcTransactionProvider implements TransactionProvider {

    private final JdbcTransactions transactions;

    JdbcTransactionProvider(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void begin(TransactionContext ctx) {
        ctx.transaction(new Handle(transactions.begin(TransactionOptions.defaults())));
    }

    @Override
    public void commit(TransactionContext ctx) {
        ((Handle) ctx.transaction()).tx.commit();
    }

    @Override
    public void rollback(TransactionContext ctx) {
        JdbcTransactions.Tx tx = ((Handle) ctx.transaction()).tx;
        if (tx.isActive()) {
            tx.rollback();
        }
    }

    private record Handle(JdbcTransactions.Tx tx) implements Transaction {
    }
}
