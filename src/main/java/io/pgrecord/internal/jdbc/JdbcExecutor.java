package io.pgrecord.internal.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.Capabilities;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.ServerVersion;
import io.pgrecord.TransactionOptions;
import io.pgrecord.internal.exec.Observabilities;
import io.pgrecord.internal.exec.Observability;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.exec.StatementTiming;
import io.pgrecord.internal.exec.BackendHandle;
import io.pgrecord.internal.exec.ReplicaRouting;
import io.pgrecord.internal.model.LoadingPolicy;
import io.pgrecord.internal.notify.Channels;
import io.pgrecord.internal.schema.Schemas;
import io.pgrecord.internal.tx.LockSql;
import io.pgrecord.schema.Inspector;
import io.pgrecord.schema.SchemaManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Everything one blocking backend runs on: where statements get their connections (the
 * {@link JdbcConnectionSource}, opened on first use), which transaction they are in (the
 * thread-bound {@link JdbcTransactions}), the model runner, advisory locks and the schema
 * classes. It is the model's {@link BackendHandle}. Thread-safe; one per backend, closed with it.
 */
public final class JdbcExecutor implements BackendHandle, AutoCloseable {

    private final PostgresBackend backend;
    private final ObjectMapper jsonMapper;
    private final LoadingPolicy loading;
    private final Supplier<JdbcConnectionSource> sources;
    private final StatementRecorder statementLog;
    private final Object lock = new Object();
    private final TxBinding binding = new TxBinding();
    private final JdbcReplicas replicas;
    private final JdbcTransactions transactions;
    private final JdbcRunner runner;
    private volatile JdbcRuntime runtime;
    private volatile boolean closed;
    private JdbcListener listener;

    /** The executor of {@code backend}, on its own HikariCP pool. */
    public JdbcExecutor(PostgresBackend backend, PostgresConnectionConfig config) {
        this(backend, config, HikariSource::open);
    }

    /** The executor of {@code backend}, on the connections of {@code sources}, opened on first use. */
    public JdbcExecutor(PostgresBackend backend, PostgresConnectionConfig config,
            Function<PostgresConnectionConfig, JdbcConnectionSource> sources) {
        this(backend, config.jsonMapper(), new LoadingPolicy(config.strictLoading(), config.nPlusOneThreshold()),
                Observabilities.of(config), () -> sources.apply(config), config);
    }

    /**
     * The executor of {@code backend}, on the connections of {@code source}, opened on first use.
     *
     * @param observability what is reported of its statements besides the statement log
     */
    public JdbcExecutor(PostgresBackend backend, ObjectMapper jsonMapper, LoadingPolicy loading, Observability observability,
            Supplier<JdbcConnectionSource> source) {
        this(backend, jsonMapper, loading, observability, source, null);
    }

    private JdbcExecutor(PostgresBackend backend, ObjectMapper jsonMapper, LoadingPolicy loading, Observability observability,
            Supplier<JdbcConnectionSource> source, @Nullable PostgresConnectionConfig config) {
        this.backend = backend;
        this.jsonMapper = jsonMapper;
        this.loading = loading;
        this.sources = source;
        this.statementLog = new StatementRecorder(observability);
        ReplicaRouting routing = config == null ? null : ReplicaRouting.of(config);
        this.replicas = routing == null ? null : new JdbcReplicas(routing, config, statementLog);
        this.transactions = new JdbcTransactions(this::runtime, binding, statementLog, replicas, this::readOnlyServer);
        this.runner = new JdbcRunner(this::runtime, this::capabilities, statementLog,
                (readOnly, work) -> transactions.inTransaction(readOnly ? TransactionOptions.readOnly() : TransactionOptions.defaults(), work),
                replicas,
                () -> binding.current() != null,
                transactions::undoLog);
    }

    /** The server a read-only transaction runs on, chosen as a routed read's. */
    private int readOnlyServer() {
        return runner.run(replicas.routing().server());
    }

    /** The public backend this executor runs. */
    public PostgresBackend backend() {
        return backend;
    }

    @Override
    public LoadingPolicy loading() {
        return loading;
    }

    /** The live state, started on first use; once closed, only for the end of a thread's transaction. */
    public JdbcRuntime runtime() {
        JdbcRuntime r = runtime;
        if (r != null && (!closed || binding.current() != null)) {
            return r;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("backend is closed");
            }
            if (runtime == null) {
                runtime = JdbcRuntime.start(sources.get(), statementLog, binding,
                        new JdbcTransactionProvider(transactions), jsonMapper);
                if (replicas != null) {
                    runtime.onAutocommitWrite(replicas.routing()::unknownWrite);
                }
            }
            return runtime;
        }
    }

    public ServerVersion serverVersion() {
        return runtime().serverVersion();
    }

    public Capabilities capabilities() {
        return Capabilities.of(serverVersion());
    }

    public JdbcRunner runner() {
        return runner;
    }

    public JdbcTransactions transactions() {
        return transactions;
    }

    public StatementRecorder statementLog() {
        return statementLog;
    }

    /** {active, idle, total, waiting}; zeros before the first connection. */
    public int[] poolFigures() {
        JdbcRuntime r = runtime;
        return r == null ? new int[4] : r.source().figures();
    }

    /** Takes the advisory lock {@code key}, waiting for it, or with {@code attempt} only if free. */
    public Optional<JdbcLock> lock(long key, boolean attempt) {
        PooledConnectionProvider pool = runtime().connections();
        Connection c = pool.acquireFromPool();
        try {
            String sql = attempt ? LockSql.tryLock(key) : LockSql.lock(key);
            StatementTiming timing = statementLog.start(sql);
            boolean acquired;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                acquired = !attempt || rs.getBoolean(1);
            } catch (SQLException e) {
                if (timing != null) {
                    timing.failed(e, List::of);
                }
                throw e;
            }
            if (timing != null) {
                timing.succeeded(1, List::of);
            }
            if (acquired) {
                return Optional.of(new JdbcLock(pool, statementLog, c, key));
            }
        } catch (SQLException e) {
            pool.releaseToPool(c);
            throw JdbcErrors.translate(e);
        } catch (RuntimeException e) {
            pool.releaseToPool(c);
            throw e;
        }
        pool.releaseToPool(c);
        return Optional.empty();
    }

    /** Raw jOOQ on a usable replica, or on the primary when none is (or there are none). */
    public DSLContext replicaDsl() {
        return runner.replicaDsl();
    }

    public SchemaManager schema() {
        return Schemas.manager(runner);
    }

    public Inspector inspector() {
        return Schemas.inspector(runner);
    }

    /** The backend's one listening connection, created at the first use; closed with the backend. */
    public JdbcListener listener() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("backend is closed");
            }
            if (listener == null) {
                listener = new JdbcListener(() -> runtime().source().dedicated());
            }
            return listener;
        }
    }

    /** Sends a notification, in the thread's transaction if there is one. */
    public void notify(String channel, @Nullable String payload) {
        var query = Channels.notifyQuery(runtime().dsl(), channel, payload);
        if (transactions.onReplica()) {
            throw Channels.notifyOnReplica(channel);
        }
        query.fetch();
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Refuses new work at once, then closes the pools once the work in flight is done (see
     * {@link JdbcConnectionSource#closeAfterWork}): a transaction open on another thread may
     * still run to its end. Idempotent.
     */
    @Override
    public void close() {
        JdbcListener listening;
        JdbcRuntime r;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            listening = listener;
            r = runtime;
        }
        // outside the lock, which runtime() takes: a reconnecting listener thread may be waiting
        // for it, and the work in flight must not
        if (listening != null) {
            listening.close();
        }
        if (r != null) {
            // a close inside this thread's own transaction does not wait for it
            r.closeAfterWork(binding.current() != null ? 1 : 0);
        }
        if (replicas != null) {
            replicas.close();
        }
    }
}
