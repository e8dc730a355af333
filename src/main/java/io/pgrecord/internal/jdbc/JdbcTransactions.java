package io.pgrecord.internal.jdbc;

import io.pgrecord.IsolationLevel;
import io.pgrecord.TransactionOptions;
import io.pgrecord.error.ConnectionException;
import io.pgrecord.error.TransactionException;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.tx.LockSql;
import io.pgrecord.internal.tx.TxDefaults;
import io.pgrecord.internal.tx.TxFrames;
import io.pgrecord.internal.tx.TxRetry;
import io.pgrecord.internal.tx.TxRules;
import io.pgrecord.internal.tx.TxSql;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The blocking transaction engine: a transaction is bound to the thread that began it, and its
 * connection to {@link TxBinding}, where models and raw jOOQ on that thread find it. Nested
 * begins are savepoints. A connection that comes with autocommit off is already in a transaction
 * its owner runs (Spring's, say): the first begin on it is a savepoint too, and ending it gives
 * the connection back without COMMIT, leaving the end to the owner. A rolled-back test's
 * transaction ({@link #beginTest()}) is the test's in the same way: the code under test sees none
 * of its own until it begins one. Thread-safe; one per backend.
 */
public final class JdbcTransactions {

    private static final String BEGIN_HINT = "begin() one first";

    private final Supplier<JdbcRuntime> runtime;
    private final TxBinding binding;
    private final StatementRecorder recorder;
    /** The backend's replicas, or null; a commit then records its WAL position. */
    private final JdbcReplicas replicas;
    private final IntSupplier readOnlyServer;
    private final ThreadLocal<Open> current = new ThreadLocal<>();
    private final TxDefaults defaults = new TxDefaults(() -> TxRules.activeOnThread(isCodeActive()));

    /** The transaction open on one thread; {@code joined} when it is the connection owner's. */
    private static final class Open {
        final Connection connection;
        /** Where the connection came from and goes back to: the primary's pool or a replica's. */
        final PooledConnectionProvider pool;
        final boolean joined;
        final TxFrames frames = new TxFrames();
        final Deque<Tx> handles = new ArrayDeque<>();
        /** The transaction's observation, or null. */
        Object observation;
        /** The rolled-back test's transaction at the bottom of {@link #handles}, or null: not the code's to end. */
        Tx test;

        Open(Connection connection, PooledConnectionProvider pool, boolean joined) {
            this.connection = connection;
            this.pool = pool;
            this.joined = joined;
        }

        boolean onPrimary(PooledConnectionProvider primary) {
            return pool == primary;
        }
    }

    /** One transaction or nested level, as handed to the caller. Not thread-safe. */
    public final class Tx {
        private final Open owner;
        private final String level;
        private boolean done;

        private Tx(Open owner, String level) {
            this.owner = owner;
            this.level = level;
        }

        public void commit() {
            finish(this, true);
        }

        public void rollback() {
            finish(this, false);
        }

        public void prepare(String gid) {
            TxRules.checkNotInRolledBackTest(owner.test != null);
            TxRules.checkPreparable(level != null);
            JdbcTransactions.this.prepare(gid);
        }

        public boolean isActive() {
            return !done;
        }

        public boolean isNested() {
            return level != null;
        }
    }

    /**
     * @param readOnlyServer chooses the server of a read-only transaction as a routed read
     *     would: a replica's index or {@code Work.PRIMARY}; unused without replicas
     */
    JdbcTransactions(Supplier<JdbcRuntime> runtime, TxBinding binding, StatementRecorder recorder,
            JdbcReplicas replicas, IntSupplier readOnlyServer) {
        this.runtime = runtime;
        this.binding = binding;
        this.recorder = recorder;
        this.replicas = replicas;
        this.readOnlyServer = readOnlyServer;
    }

    public TxDefaults defaults() {
        return defaults;
    }

    /** A transaction with the defaults merged in, or a savepoint inside the thread's open one. */
    public Tx begin(TransactionOptions options) {
        Open open = current.get();
        if (open != null) {
            String level = open.frames.pushLevel();
            try {
                send(open, TxSql.savepoint(level));
            } catch (RuntimeException e) {
                open.frames.popLevel(level);
                throw e;
            }
            return push(open, level);
        }
        String sql = defaults.beginSql(options);
        open = acquire(options);
        String level = null;
        try {
            if (open.joined) {
                level = open.frames.pushLevel();
                sql = TxSql.savepoint(level);
            }
            JdbcStatements.execute(open.connection, sql, recorder);
        } catch (RuntimeException e) {
            open.pool.releaseToPool(open.connection);
            throw e;
        }
        open.observation = recorder.transactionStarted();
        current.set(open);
        binding.bind(open.connection);
        return push(open, level);
    }

    /**
     * A connection for a new transaction: on a backend with replicas, a read-only one runs on the
     * replica a routed read would use, or on the primary when none is usable or reachable.
     */
    private Open acquire(TransactionOptions options) {
        PooledConnectionProvider primary = runtime.get().connections();
        if (replicas != null && defaults.isReadOnly(options)) {
            int server = readOnlyServer.getAsInt();
            if (server != Work.PRIMARY) {
                try {
                    return open(replicas.runtime(server).connections());
                } catch (ConnectionException e) {
                    replicas.routing().down(server);
                }
            }
        }
        return open(primary);
    }

    /** A connection of {@code pool}, known as joined when its owner already runs a transaction on it. */
    private static Open open(PooledConnectionProvider pool) {
        Connection c = pool.acquireFromPool();
        try {
            return new Open(c, pool, JdbcStatements.inOwnersTransaction(c));
        } catch (RuntimeException e) {
            pool.releaseToPool(c);
            throw e;
        }
    }

    private Tx push(Open open, String level) {
        Tx tx = new Tx(open, level);
        open.handles.push(tx);
        return tx;
    }

    /**
     * The innermost open transaction of this thread that is the code's own (not a rolled-back
     * test's); {@code what} names the refused action.
     */
    public Tx innermost(String what) {
        if (!isCodeActive()) {
            throw new TransactionException("no transaction to " + what + " on this thread");
        }
        return current.get().handles.peek();
    }

    /** Whether a transaction is open on this thread: its statements run in it. */
    public boolean isActive() {
        return current.get() != null;
    }

    /**
     * Whether this thread has a transaction or level of the code's own open, as
     * {@code TransactionManager.isActive()} answers: a rolled-back test's transaction alone is
     * none, so that the code under test sees what it would see in production.
     */
    public boolean isCodeActive() {
        Open open = current.get();
        return open != null && open.handles.peek() != open.test;
    }

    /**
     * Begins the transaction a test runs in ({@code @PgRecordTest(rollback = true)}), with the
     * manager's defaults. It is the test's, not the code's under test: until that code begins a
     * transaction of its own (a savepoint in this one), {@code commit()}, {@code rollback()},
     * savepoints and {@code isActive()} answer as with no transaction, as in production, where
     * none would be open. Models and {@code dsl()} on the thread run in it.
     */
    public TestTx beginTest() {
        if (current.get() != null) {
            throw new TransactionException("a transaction is already open on this thread");
        }
        Runnable restoreDefaults = defaults.saved();
        Tx tx = begin(TransactionOptions.defaults());
        current.get().test = tx;
        return new TestTx(tx, restoreDefaults);
    }

    /** A rolled-back test's transaction, as {@link #beginTest()} began it. */
    public final class TestTx {
        private final Tx tx;
        private final Runnable restoreDefaults;

        private TestTx(Tx tx, Runnable restoreDefaults) {
            this.tx = tx;
            this.restoreDefaults = restoreDefaults;
        }

        /**
         * Rolls back the test's transaction, every level the test left open included, and puts
         * back the manager's defaults as they were before the test; returns how many levels
         * the test left open.
         */
        public int rollback() {
            Open open = current.get();
            try {
                if (open == null || open.test != tx) {
                    throw new TransactionException("the test's transaction is no longer open on this thread");
                }
                int left = open.handles.size() - 1;
                while (open.handles.peek() != tx) {
                    open.handles.pop().done = true;
                }
                end(open, TxSql.ROLLBACK);
                return left;
            } finally {
                restoreDefaults.run();
            }
        }
    }

    /** The undo log of the thread's transaction (see {@link TxFrames}), or null outside one. */
    public Consumer<Runnable> undoLog() {
        Open open = current.get();
        return open == null ? null : open.frames;
    }

    /** Whether the thread's transaction runs on a replica (a read-only one on a backend with replicas). */
    public boolean onReplica() {
        Open open = current.get();
        return open != null && !open.onPrimary(runtime.get().connections());
    }

    private void finish(Tx tx, boolean commit) {
        Open open = current.get();
        TxRules.checkFinish(tx.done, open != null && tx.owner == open, open != null && open.handles.peek() == tx);
        if (tx.level != null) {
            // a statement of the level failed and was caught: the server would refuse the RELEASE
            boolean failed = commit && JdbcStatements.inFailedTransaction(open.connection);
            boolean kept = commit && !failed;
            open.frames.popLevel(tx.level, !kept);
            open.handles.pop();
            tx.done = true;
            try {
                if (!kept) {
                    send(open, TxSql.rollbackTo(tx.level));
                }
                send(open, TxSql.release(tx.level));
            } finally {
                if (open.handles.isEmpty()) {
                    detach(open);
                    open.pool.releaseToPool(open.connection);
                }
            }
            if (failed) {
                throw TxRules.levelRolledBackInsteadOfCommit(tx.level);
            }
            return;
        }
        boolean failed = commit && JdbcStatements.inFailedTransaction(open.connection);
        end(open, commit && !failed ? TxSql.COMMIT : TxSql.ROLLBACK);
        if (failed) {
            throw TxRules.rolledBackInsteadOfCommit();
        }
    }

    /** Forgets the thread's transaction; its connection is still to be given back. */
    private void detach(Open open) {
        current.remove();
        binding.unbind();
        open.frames.close();
    }

    /** Ends the thread's top-level transaction with {@code sql} and returns its connection. */
    private void end(Open open, String sql) {
        // asked while the transaction is still the thread's: a closing backend answers it then
        boolean onPrimary = replicas != null && open.onPrimary(runtime.get().connections());
        open.handles.pop().done = true;
        detach(open);
        boolean committed = false;
        try {
            JdbcStatements.execute(open.connection, sql, recorder);
            committed = !sql.equals(TxSql.ROLLBACK);
            recorder.transactionEnded(open.observation, !sql.equals(TxSql.ROLLBACK), null);
            if (onPrimary && sql.equals(TxSql.COMMIT)) {
                replicas.committed(open.connection);
            }
        } catch (RuntimeException e) {
            recorder.transactionEnded(open.observation, false, e);
            throw e;
        } finally {
            open.frames.ended(committed);
            open.pool.releaseToPool(open.connection);
        }
    }

    /** {@code PREPARE TRANSACTION gid} for the thread's transaction, which has no nested level open. */
    public void prepare(String gid) {
        Open open = requireOwn("prepare a transaction");
        TxRules.checkNotInRolledBackTest(open.test != null);
        TxRules.checkOwnTransaction(open.joined);
        TxRules.checkNothingNested(open.handles.size());
        end(open, LockSql.prepare(gid));
    }

    public void commitPrepared(String gid) {
        outsideTransaction(LockSql.commitPrepared(gid));
    }

    public void rollbackPrepared(String gid) {
        outsideTransaction(LockSql.rollbackPrepared(gid));
    }

    public List<String> preparedTransactions() {
        return runtime.get().dsl().fetch(LockSql.PREPARED).getValues(0, String.class);
    }

    private void outsideTransaction(String sql) {
        defaults.requireIdle("prepared transactions from inside a transaction (" + sql + ")");
        PooledConnectionProvider pool = runtime.get().connections();
        Connection c = pool.acquireFromPool();
        try {
            JdbcStatements.execute(c, sql, recorder);
        } finally {
            pool.releaseToPool(c);
        }
    }

    /** A savepoint in the thread's transaction; null picks a name. Returns its name. */
    public String savepoint(String name) {
        Open open = requireOwn("savepoint");
        String n = open.frames.addSavepoint(name);
        try {
            send(open, TxSql.savepoint(n));
        } catch (RuntimeException e) {
            open.frames.release(n);
            throw e;
        }
        return n;
    }

    public void rollbackToSavepoint(String name) {
        Open open = requireOwn("roll back to a savepoint");
        open.frames.rollbackTo(name);
        send(open, TxSql.rollbackTo(name));
    }

    public void releaseSavepoint(String name) {
        Open open = requireOwn("release a savepoint");
        open.frames.release(name);
        send(open, TxSql.release(name));
    }

    /** {@code SET CONSTRAINTS ... DEFERRED}; no names defers all. */
    public void deferConstraints(boolean all, String... names) {
        if (!all && names.length == 0) {
            throw TxRules.noConstraintNames();
        }
        send(requireOwn("defer constraints"), TxSql.deferConstraints(names));
    }

    /** The thread's transaction, when the code has one of its own open (not only a rolled-back test's). */
    private Open requireOwn(String what) {
        if (!isCodeActive()) {
            throw TxRules.outside(what, BEGIN_HINT);
        }
        return current.get();
    }

    private void send(Open open, String sql) {
        JdbcStatements.execute(open.connection, sql, recorder);
    }

    /**
     * Runs the work in a transaction (a savepoint inside an open one): COMMIT when it returns,
     * ROLLBACK and rethrow the same instance when it throws; a top-level transaction runs again
     * after a retryable failure, as {@link TxRetry} decides.
     */
    public <T> T inTransaction(TransactionOptions options, Supplier<T> work) {
        int attempts = isActive() ? 1 : options.retries() + 1;
        for (int attempt = 0; ; attempt++) {
            Tx tx = begin(options);
            if (tx.isNested()) {
                attempts = 1;   // a savepoint, maybe in the owner's transaction: only the top level retries
            }
            T result;
            try {
                result = work.get();
            } catch (Throwable e) {
                rollbackQuietly(tx, e);
                if (TxRetry.again(attempt, attempts, e, options.isRetryOnStale())) {
                    pause(attempt);
                    continue;
                }
                throw e;
            }
            try {
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (TxRetry.again(attempt, attempts, e, options.isRetryOnStale())) {
                    pause(attempt);
                    continue;
                }
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Tx tx, Throwable cause) {
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

    public IsolationLevel isolationLevel() {
        return defaults.isolationLevel();
    }
}
