package io.pgrecord;

import io.pgrecord.internal.jdbc.JdbcTransactions;

/**
 * An open transaction, or a nested one (a savepoint) when begun inside another. Use it with
 * try-with-resources: {@link #close()} rolls back unless {@link #commit()} ran.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=transaction}
 * Bound to the thread that began it; not thread-safe.
 */
public final class Transaction implements AutoCloseable {

    private final JdbcTransactions.Tx tx;

    Transaction(JdbcTransactions.Tx tx) {
        this.tx = tx;
    }

    /** COMMIT, or RELEASE SAVEPOINT for a nested transaction. */
    public void commit() {
        tx.commit();
    }

    /** ROLLBACK, or ROLLBACK TO SAVEPOINT for a nested transaction. */
    public void rollback() {
        tx.rollback();
    }

    /** {@code PREPARE TRANSACTION gid}: see {@link TransactionManager#prepare(String)}. */
    public void prepare(String gid) {
        tx.prepare(gid);
    }

    /** Rolls back unless already committed or rolled back. */
    @Override
    public void close() {
        if (tx.isActive()) {
            tx.rollback();
        }
    }

    /** Whether neither commit() nor rollback() has run. */
    public boolean isActive() {
        return tx.isActive();
    }

    /** Whether this is a savepoint inside an outer transaction. */
    public boolean isNested() {
        return tx.isNested();
    }
}
