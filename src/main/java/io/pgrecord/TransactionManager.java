package io.pgrecord;

import io.pgrecord.internal.jdbc.JdbcTransactions;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Transactions on the blocking backend. A transaction is bound to the thread that began it:
 * models and {@code backend.dsl()} on that thread join it, other threads do not see it. A
 * nested {@code begin()} or {@code inTransaction} opens a savepoint. Thread-safe; one per backend.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=transaction-manager}
 */
public final class TransactionManager {

    private final JdbcTransactions engine;

    TransactionManager(JdbcTransactions engine) {
        this.engine = engine;
    }

    /** Begins a transaction with the manager's defaults, or a savepoint inside the open one. */
    public Transaction begin() {
        return begin(TransactionOptions.defaults());
    }

    /**
     * Begins a transaction ({@code BEGIN ISOLATION LEVEL ... READ ONLY DEFERRABLE}), or, inside
     * an open one, a nested transaction as a savepoint (the options then cannot change).
     */
    public Transaction begin(TransactionOptions options) {
        return new Transaction(engine.begin(options));
    }

    /** Commits the innermost open transaction of this thread. */
    public void commit() {
        engine.innermost("commit").commit();
    }

    /** Rolls back the innermost open transaction of this thread. */
    public void rollback() {
        engine.innermost("roll back").rollback();
    }

    /**
     * Whether this thread has an open transaction on this backend. In a test that
     * {@code @PgRecordTest(rollback = true)} runs in a transaction, that transaction is the
     * test's: false until the code begins one of its own, as in production.
     */
    public boolean isActive() {
        return engine.isCodeActive();
    }

    /**
     * {@code PREPARE TRANSACTION gid}: ends this thread's transaction, keeping its work prepared
     * on the server for {@link #commitPrepared(String)} or {@link #rollbackPrepared(String)},
     * from any session. Needs {@code max_prepared_transactions > 0} on the server.
     */
    public void prepare(String gid) {
        engine.prepare(gid);
    }

    /** {@code COMMIT PREPARED gid}; not allowed inside a transaction. */
    public void commitPrepared(String gid) {
        engine.commitPrepared(gid);
    }

    /** {@code ROLLBACK PREPARED gid}; not allowed inside a transaction. */
    public void rollbackPrepared(String gid) {
        engine.rollbackPrepared(gid);
    }

    /** The ids of the transactions prepared in this database, oldest first. */
    public List<String> preparedTransactions() {
        return engine.preparedTransactions();
    }

    /** A savepoint with a generated name inside the thread's transaction. */
    public Savepoint savepoint() {
        return savepoint(null);
    }

    /** A named savepoint inside the thread's transaction. */
    public Savepoint savepoint(String name) {
        return new Savepoint(engine.savepoint(name));
    }

    /** Undoes everything since the savepoint; the savepoint stays usable. */
    public void rollbackToSavepoint(Savepoint savepoint) {
        engine.rollbackToSavepoint(savepoint.name());
    }

    /** Forgets the savepoint (and any made after it), keeping the work. */
    public void releaseSavepoint(Savepoint savepoint) {
        engine.releaseSavepoint(savepoint.name());
    }

    /** {@code SET CONSTRAINTS name, ... DEFERRED}: checked at COMMIT instead of per statement. */
    public void deferConstraints(String... constraintNames) {
        engine.deferConstraints(false, constraintNames);
    }

    /** {@code SET CONSTRAINTS ALL DEFERRED}. */
    public void deferAllConstraints() {
        engine.deferConstraints(true);
    }

    public void inTransaction(Runnable work) {
        inTransaction(TransactionOptions.defaults(), work);
    }

    public void inTransaction(TransactionOptions options, Runnable work) {
        engine.inTransaction(options, () -> {
            work.run();
            return null;
        });
    }

    public <T extends @Nullable Object> T inTransaction(Supplier<T> work) {
        return engine.inTransaction(TransactionOptions.defaults(), work);
    }

    /**
     * Runs the work in a transaction: COMMIT when it returns, ROLLBACK and rethrow (the same
     * instance) when it throws. Inside an open transaction it runs in a savepoint. A top-level
     * transaction is run again, up to {@code options.retries()} more times, after a
     * serialization failure or deadlock (or a stale record, with
     * {@link TransactionOptions#retryOnStale(boolean)}), each time after a jittered backoff;
     * when retries run out the last such exception is thrown.
     */
    public <T extends @Nullable Object> T inTransaction(TransactionOptions options, Supplier<T> work) {
        return engine.inTransaction(options, work);
    }

    /** The isolation level of transactions begun afterwards; null for the server's default. */
    public void setIsolationLevel(@Nullable IsolationLevel level) {
        engine.defaults().setIsolationLevel(level);
    }

    public void setReadOnly(boolean readOnly) {
        engine.defaults().setReadOnly(readOnly);
    }

    public void setDeferrable(boolean deferrable) {
        engine.defaults().setDeferrable(deferrable);
    }

    public @Nullable IsolationLevel isolationLevel() {
        return engine.isolationLevel();
    }
}
