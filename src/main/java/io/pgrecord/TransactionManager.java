package io.pgrecord;

import io.pgrecord.error.TransactionException;
import io.pgrecord.internal.jdbc.JdbcStatements;
import io.pgrecord.internal.jdbc.PooledConnectionProvider;
import io.pgrecord.internal.tx.TxFrames;
import io.pgrecord.internal.tx.TxRetry;
import io.pgrecord.internal.tx.TxSql;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Transactions on the blocking backend. A transaction is bound to the thread that began it:
 * models and {@code backend.dsl()} on that thread join it, other threads do not see it. A
 * nested {@code begin()} or {@code inTransaction} opens a savepoint. Thread-safe; one per backend.
 * {@snippet :
 * TransactionManager tm = backend.transactionManager();
 * tm.inTransaction(() -> { a.save(); b.save(); });                  // commit; rollback + rethrow on exception
 * User u = tm.inTransaction(() -> User.find.getById(1L));
 * tm.inTransaction(TransactionOptions.serializable().retries(5), () -> transfer(a, b, 10));
 * }
 */
public final class TransactionManager {

    private final PostgresBackend backend;
    private final ThreadLocal<Open> current = new ThreadLocal<>();
    private volatile @Nullable IsolationLevel isolation;
    private volatile @Nullable Boolean readOnly;
    private volatile @Nullable Boolean deferrable;

    /** The transaction open on one thread. */
    private static final class Open {
        final Connection connection;
        final TxFrames frames = new TxFrames();
        final Deque<Transaction> handles = new ArrayDeque<>();

        Open(Connection connection) {
            this.connection = connection;
        }
    }

    TransactionManager(PostgresBackend backend) {
        this.backend = backend;
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
        Open open = current.get();
        if (open != null) {
            String level = open.frames.pushLevel();
            try {
                send(open, TxSql.savepoint(level));
            } catch (RuntimeException e) {
                open.frames.popLevel(level);
                throw e;
            }
            Transaction tx = new Transaction(this, open, level);
            open.handles.push(tx);
            return tx;
        }
        TransactionOptions o = options.orElse(isolation, readOnly, deferrable);
        PooledConnectionProvider pool = backend.runtime().connections();
        Connection c = pool.acquireFromPool();
        open = new Open(c);
        try {
            JdbcStatements.execute(c, TxSql.begin(o.isolation() == null ? null : o.isolation().sql(), o.isReadOnly(),
                    o.isDeferrable()), backend.recorder());
        } catch (RuntimeException e) {
            pool.releaseToPool(c);
            throw e;
        }
        current.set(open);
        backend.binding().bind(c);
        Transaction tx = new Transaction(this, open, null);
        open.handles.push(tx);
        return tx;
    }

    /** Commits the innermost open transaction of this thread. */
    public void commit() {
        innermost("commit").commit();
    }

    /** Rolls back the innermost open transaction of this thread. */
    public void rollback() {
        innermost("roll back").rollback();
    }

    private Transaction innermost(String what) {
        Open open = current.get();
        if (open == null || open.handles.isEmpty()) {
            throw new TransactionException("no transaction to " + what + " on this thread");
        }
        return open.handles.peek();
    }

    /** Whether this thread has an open transaction on this backend. */
    public boolean isActive() {
        return current.get() != null;
    }

    void finish(Transaction tx, boolean commit) {
        Open open = current.get();
        if (tx.isDone()) {
            throw new TransactionException("transaction already " + "finished; commit() or rollback() runs once");
        }
        if (open == null || tx.owner() != open) {
            throw new TransactionException("transaction belongs to another thread or has ended");
        }
        if (open.handles.peek() != tx) {
            throw new TransactionException("finish the inner transaction first");
        }
        if (tx.level() != null) {
            open.frames.popLevel(tx.level());
            open.handles.pop();
            tx.markDone();
            if (commit) {
                send(open, TxSql.release(tx.level()));
            } else {
                send(open, TxSql.rollbackTo(tx.level()));
                send(open, TxSql.release(tx.level()));
            }
            return;
        }
        open.handles.pop();
        tx.markDone();
        current.remove();
        backend.binding().unbind();
        open.frames.close();
        try {
            JdbcStatements.execute(open.connection, commit ? TxSql.COMMIT : TxSql.ROLLBACK, backend.recorder());
        } finally {
            backend.runtime().connections().releaseToPool(open.connection);
        }
    }

    /**
     * {@code PREPARE TRANSACTION gid}: ends this thread's transaction, keeping its work prepared
     * on the server for {@link #commitPrepared(String)} or {@link #rollbackPrepared(String)},
     * from any session. Needs {@code max_prepared_transactions > 0} on the server.
     */
    public void prepare(String gid) {
        Open open = requireOpen("prepare a transaction");
        if (open.handles.size() != 1) {
            throw new TransactionException("finish the nested transactions before PREPARE TRANSACTION");
        }
        String sql = io.pgrecord.internal.tx.LockSql.prepare(gid);
        Transaction tx = open.handles.pop();
        tx.markDone();
        current.remove();
        backend.binding().unbind();
        open.frames.close();
        try {
            JdbcStatements.execute(open.connection, sql, backend.recorder());
        } finally {
            backend.runtime().connections().releaseToPool(open.connection);
        }
    }

    /** {@code COMMIT PREPARED gid}; not allowed inside a transaction. */
    public void commitPrepared(String gid) {
        outsideTransaction(io.pgrecord.internal.tx.LockSql.commitPrepared(gid));
    }

    /** {@code ROLLBACK PREPARED gid}; not allowed inside a transaction. */
    public void rollbackPrepared(String gid) {
        outsideTransaction(io.pgrecord.internal.tx.LockSql.rollbackPrepared(gid));
    }

    /** The ids of the transactions prepared in this database, oldest first. */
    public java.util.List<String> preparedTransactions() {
        return backend.dsl().fetch(io.pgrecord.internal.tx.LockSql.PREPARED).getValues(0, String.class);
    }

    private void outsideTransaction(String sql) {
        requireIdle("prepared transactions from inside a transaction (" + sql + ")");
        PooledConnectionProvider pool = backend.runtime().connections();
        Connection c = pool.acquireFromPool();
        try {
            JdbcStatements.execute(c, sql, backend.recorder());
        } finally {
            pool.releaseToPool(c);
        }
    }

    /** A savepoint with a generated name inside the thread's transaction. */
    public Savepoint savepoint() {
        return savepoint(null);
    }

    /** A named savepoint inside the thread's transaction. */
    public Savepoint savepoint(String name) {
        Open open = requireOpen("savepoint");
        String n = open.frames.addSavepoint(name);
        try {
            send(open, TxSql.savepoint(n));
        } catch (RuntimeException e) {
            open.frames.release(n);
            throw e;
        }
        return new Savepoint(n);
    }

    /** Undoes everything since the savepoint; the savepoint stays usable. */
    public void rollbackToSavepoint(Savepoint savepoint) {
        Open open = requireOpen("roll back to a savepoint");
        open.frames.rollbackTo(savepoint.name());
        send(open, TxSql.rollbackTo(savepoint.name()));
    }

    /** Forgets the savepoint (and any made after it), keeping the work. */
    public void releaseSavepoint(Savepoint savepoint) {
        Open open = requireOpen("release a savepoint");
        open.frames.release(savepoint.name());
        send(open, TxSql.release(savepoint.name()));
    }

    /** {@code SET CONSTRAINTS name, ... DEFERRED}: checked at COMMIT instead of per statement. */
    public void deferConstraints(String... constraintNames) {
        if (constraintNames.length == 0) {
            throw new IllegalArgumentException("name at least one constraint, or call deferAllConstraints()");
        }
        send(requireOpen("defer constraints"), TxSql.deferConstraints(constraintNames));
    }

    /** {@code SET CONSTRAINTS ALL DEFERRED}. */
    public void deferAllConstraints() {
        send(requireOpen("defer constraints"), TxSql.deferConstraints());
    }

    private Open requireOpen(String what) {
        Open open = current.get();
        if (open == null) {
            throw new TransactionException("cannot " + what + " outside a transaction; begin() one first");
        }
        return open;
    }

    private void send(Open open, String sql) {
        JdbcStatements.execute(open.connection, sql, backend.recorder());
    }

    public void inTransaction(Runnable work) {
        inTransaction(TransactionOptions.defaults(), work);
    }

    public void inTransaction(TransactionOptions options, Runnable work) {
        inTransaction(options, () -> {
            work.run();
            return null;
        });
    }

    public <T extends @Nullable Object> T inTransaction(Supplier<T> work) {
        return inTransaction(TransactionOptions.defaults(), work);
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
        boolean nested = isActive();
        int attempts = nested ? 1 : options.retries() + 1;
        for (int attempt = 0; ; attempt++) {
            Transaction tx = begin(options);
            T result;
            try {
                result = work.get();
            } catch (Throwable e) {
                rollbackQuietly(tx, e);
                if (attempt + 1 < attempts && TxRetry.isRetryable(e, options.isRetryOnStale())) {
                    pause(attempt);
                    continue;
                }
                throw e;
            }
            try {
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (attempt + 1 < attempts && TxRetry.isRetryable(e, options.isRetryOnStale())) {
                    pause(attempt);
                    continue;
                }
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Transaction tx, Throwable cause) {
        if (tx.isActive()) {
            try {
                tx.rollback();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(TxRetry.backoff(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransactionException("interrupted while waiting to retry the transaction", e);
        }
    }

    /** The isolation level of transactions begun afterwards; null for the server's default. */
    public void setIsolationLevel(@Nullable IsolationLevel level) {
        requireIdle("isolation level");
        this.isolation = level;
    }

    public void setReadOnly(boolean readOnly) {
        requireIdle("read-only mode");
        this.readOnly = readOnly;
    }

    public void setDeferrable(boolean deferrable) {
        requireIdle("deferrable mode");
        this.deferrable = deferrable;
    }

    public @Nullable IsolationLevel isolationLevel() {
        return isolation;
    }

    private void requireIdle(String what) {
        if (isActive()) {
            throw new TransactionException("cannot change the " + what + " while a transaction is active on this thread");
        }
    }
}
