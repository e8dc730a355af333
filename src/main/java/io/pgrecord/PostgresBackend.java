package io.pgrecord;

import io.pgrecord.internal.exec.JdbcRunner;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.jdbc.JdbcRuntime;
import io.pgrecord.internal.jdbc.TxBinding;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The blocking backend: pgjdbc connections pooled by HikariCP. Thread-safe. It connects on
 * first use (or at {@link #connect()}) and owns its pool until {@link #close()}.
 * {@snippet :
 * try (PostgresBackend backend = new PostgresBackend(config)) {
 *     ServerVersion v = backend.serverVersion();
 *     boolean merge = backend.capabilities().supports(Capability.MERGE);
 *     int one = backend.dsl().fetchValue("select 1", Integer.class);
 * }
 * }
 */
public final class PostgresBackend implements AutoCloseable {

    private final PostgresConnectionConfig config;
    private final StatementRecorder statementLog = new StatementRecorder();
    private final Object lock = new Object();
    private volatile JdbcRuntime runtime;
    private volatile boolean closed;
    private final TxBinding binding = new TxBinding();
    private final TransactionManager transactions = new TransactionManager(this);
    private final JdbcRunner runner = new JdbcRunner(this::runtime, this::capabilities, statementLog::record,
            work -> transactions.inTransaction(work));

    public PostgresBackend(PostgresConnectionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Opens the pool and reads the server version now rather than on first use.
     *
     * @throws io.pgrecord.error.ConnectionException when the server cannot be reached
     */
    public PostgresBackend connect() {
        runtime();
        return this;
    }

    /** The connected server's version, e.g. {@code 16.4}. Connects if needed. */
    public ServerVersion serverVersion() {
        return runtime().serverVersion();
    }

    /** What the connected server supports. Connects if needed. */
    public Capabilities capabilities() {
        return Capabilities.of(serverVersion());
    }

    /**
     * Raw jOOQ on this backend's pool. Its statements appear in the {@link #statementLog()},
     * and its failures raise the same {@code io.pgrecord.error} types as model calls.
     */
    public DSLContext dsl() {
        return runtime().dsl();
    }

    /** Transactions on this backend; models and {@link #dsl()} on the calling thread join them. */
    public TransactionManager transactionManager() {
        return transactions;
    }

    /** The pool's current figures; all zero before the first connection. */
    public PoolStats poolStats() {
        JdbcRuntime r = runtime;
        if (r == null || r.dataSource().getHikariPoolMXBean() == null) {
            return new PoolStats(0, 0, 0, 0, config.poolMaxSize());
        }
        var mx = r.dataSource().getHikariPoolMXBean();
        return new PoolStats(mx.getActiveConnections(), mx.getIdleConnections(), mx.getTotalConnections(),
                mx.getThreadsAwaitingConnection(), config.poolMaxSize());
    }

    /** Waits for the session-level advisory lock {@code key} and holds it until the lock is closed. */
    public AdvisoryLock advisoryLock(long key) {
        return lock(key, false).orElseThrow();
    }

    /** Takes the advisory lock {@code key} if it is free; empty when another session holds it. */
    public java.util.Optional<AdvisoryLock> tryAdvisoryLock(long key) {
        return lock(key, true);
    }

    private java.util.Optional<AdvisoryLock> lock(long key, boolean attempt) {
        var pool = runtime().connections();
        java.sql.Connection c = pool.acquireFromPool();
        try {
            String sql = attempt ? io.pgrecord.internal.tx.LockSql.tryLock(key) : io.pgrecord.internal.tx.LockSql.lock(key);
            statementLog.record(sql);
            boolean acquired;
            try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                rs.next();
                acquired = !attempt || rs.getBoolean(1);
            }
            if (acquired) {
                return java.util.Optional.of(new AdvisoryLock(this, c, key));
            }
        } catch (java.sql.SQLException e) {
            pool.releaseToPool(c);
            throw io.pgrecord.internal.jdbc.JdbcErrors.translate(e);
        } catch (RuntimeException e) {
            pool.releaseToPool(c);
            throw e;
        }
        pool.releaseToPool(c);
        return java.util.Optional.empty();
    }

    /** DDL on this backend: tables from models, enums, domains, indexes... It joins the thread's transaction. */
    public io.pgrecord.schema.SchemaManager schema() {
        return io.pgrecord.internal.schema.Schemas.manager(runner);
    }

    /** Reads tables, columns, indexes, keys, enums and domains back from the catalog. */
    public io.pgrecord.schema.Inspector inspector() {
        return io.pgrecord.internal.schema.Schemas.inspector(runner);
    }

    /** The SQL this backend sends, for tests that count statements. */
    public StatementLog statementLog() {
        return statementLog;
    }

    public PostgresConnectionConfig config() {
        return config;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes the pool. Connections in use are closed as they are returned. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (runtime != null) {
                runtime.close();
            }
        }
    }

    StatementRecorder recorder() {
        return statementLog;
    }

    TxBinding binding() {
        return binding;
    }

    /** The model executor on this backend. */
    JdbcRunner runner() {
        return runner;
    }

    JdbcRuntime runtime() {
        JdbcRuntime r = runtime;
        if (r != null && !closed) {
            return r;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("backend is closed");
            }
            if (runtime == null) {
                runtime = JdbcRuntime.start(config, statementLog, binding, new ManagedTransactionProvider(transactions));
            }
            return runtime;
        }
    }

    @Override
    public String toString() {
        return "PostgresBackend[" + config.host() + ":" + config.port() + "/" + config.database() + "]";
    }
}
