package io.pgrecord;

import io.pgrecord.internal.exec.R2dbcRunner;
import io.pgrecord.internal.exec.ReactiveScope;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.r2dbc.R2dbcRuntime;
import java.util.Objects;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The reactive backend: r2dbc-postgresql connections pooled by r2dbc-pool. Thread-safe.
 * {@link #connect()} warms the pool and reads the server version; until then
 * {@link #serverVersion()} and {@link #capabilities()} throw, while {@link #dsl()} works and
 * connects on first subscription.
 * {@snippet :
 * AsyncPostgresBackend async = new AsyncPostgresBackend(config);
 * async.connect().block();
 * Integer one = Mono.from(async.dsl().select(DSL.inline(1))).map(r -> r.value1()).block();
 * async.close();
 * }
 */
public final class AsyncPostgresBackend implements AutoCloseable {

    private final PostgresConnectionConfig config;
    private final StatementRecorder statementLog = new StatementRecorder();
    private final Object lock = new Object();
    private R2dbcRuntime runtime;
    private Mono<ServerVersion> connecting;
    private volatile ServerVersion serverVersion;
    private final AsyncTransactionManager transactions = new AsyncTransactionManager(this);
    private final R2dbcRunner runner = new R2dbcRunner(this::ensureConnected, this::scope, this::capabilities,
            work -> transactions.inTransaction(dsl -> work.get()).next());

    public AsyncPostgresBackend(PostgresConnectionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Warms the pool and reads the server version. Idempotent: later calls complete at once.
     * Errors with {@code ConnectionException} when the server cannot be reached; a later call
     * tries again.
     */
    public Mono<Void> connect() {
        return Mono.defer(() -> {
            Mono<ServerVersion> m;
            synchronized (lock) {
                if (connecting == null) {
                    R2dbcRuntime r = runtime();
                    connecting = r.connect()
                            .doOnNext(v -> {
                                io.pgrecord.internal.types.ServerGates.remember(r.dsl().configuration(), v);
                                serverVersion = v;
                            })
                            .doOnError(e -> resetConnecting())
                            .cache();
                }
                m = connecting;
            }
            return m;
        }).then();
    }

    private void resetConnecting() {
        synchronized (lock) {
            connecting = null;
        }
    }

    /** Closes the pool. A later {@link #connect()} or {@link #dsl()} opens a new one. */
    public Mono<Void> disconnect() {
        return Mono.defer(() -> {
            R2dbcRuntime r;
            synchronized (lock) {
                r = runtime;
                runtime = null;
                connecting = null;
                serverVersion = null;
            }
            return r == null ? Mono.empty() : r.close();
        });
    }

    /** Blocks until {@link #disconnect()} completes. */
    @Override
    public void close() {
        disconnect().block();
    }

    /**
     * The connected server's version.
     *
     * @throws IllegalStateException before {@link #connect()} has completed
     */
    public ServerVersion serverVersion() {
        ServerVersion v = serverVersion;
        if (v == null) {
            throw new IllegalStateException("call connect() first");
        }
        return v;
    }

    /**
     * What the connected server supports.
     *
     * @throws IllegalStateException before {@link #connect()} has completed
     */
    public Capabilities capabilities() {
        return Capabilities.of(serverVersion());
    }

    /**
     * Raw jOOQ over R2DBC on this backend's pool: subscribe to its queries
     * ({@code Flux.from(dsl().selectFrom(...))}). Queries and batches subscribed inside a
     * transaction of this backend ({@code inTransaction}, {@code AsyncTransaction.run}) run on
     * its connection; others take a pooled one. Statements appear in the
     * {@link #statementLog()} and failures raise {@code io.pgrecord.error} types.
     */
    public DSLContext dsl() {
        return runtime().dsl();
    }

    /** DDL on this backend, each method returning a {@code Mono<Void>}; it connects on first use. */
    public io.pgrecord.schema.AsyncSchemaManager schema() {
        return io.pgrecord.internal.schema.Schemas.manager(runner);
    }

    /** Reads the catalog back, each method returning a {@code Mono}; it connects on first use. */
    public io.pgrecord.schema.AsyncInspector inspector() {
        return io.pgrecord.internal.schema.Schemas.inspector(runner);
    }

    /** The SQL this backend sends, for tests that count statements. */
    public StatementLog statementLog() {
        return statementLog;
    }

    public PostgresConnectionConfig config() {
        return config;
    }

    /** Transactions on this backend; they travel in the Reactor context. */
    public AsyncTransactionManager transactionManager() {
        return transactions;
    }

    /** The pool's current figures; all zero before the pool exists. */
    public PoolStats poolStats() {
        R2dbcRuntime r;
        synchronized (lock) {
            r = runtime;
        }
        int[] f = r == null ? new int[4] : r.poolFigures();
        return new PoolStats(f[0], f[1], f[2], f[3], config.poolMaxSize());
    }

    /** Waits for the session-level advisory lock {@code key}; release it with {@link AsyncAdvisoryLock#release()}. */
    public Mono<AsyncAdvisoryLock> advisoryLock(long key) {
        return lock(key, false);
    }

    /** Takes the advisory lock {@code key} if free; empty when another session holds it. */
    public Mono<AsyncAdvisoryLock> tryAdvisoryLock(long key) {
        return lock(key, true);
    }

    /** Runs the work while holding the advisory lock {@code key}, releasing it however the work ends. */
    public <T> reactor.core.publisher.Flux<T> withAdvisoryLock(long key, java.util.function.Supplier<? extends org.reactivestreams.Publisher<T>> work) {
        return reactor.core.publisher.Flux.usingWhen(advisoryLock(key), lock -> work.get(), AsyncAdvisoryLock::release,
                (lock, e) -> lock.release(), AsyncAdvisoryLock::release);
    }

    private Mono<AsyncAdvisoryLock> lock(long key, boolean attempt) {
        String sql = attempt ? io.pgrecord.internal.tx.LockSql.tryLock(key) : io.pgrecord.internal.tx.LockSql.lock(key);
        return connect().then(Mono.defer(() -> io.pgrecord.internal.r2dbc.R2dbcTx.connection(runtime())))
                .flatMap(c -> (attempt ? c.queryValue(sql, Boolean.class) : c.execute(sql).thenReturn(Boolean.TRUE))
                        .flatMap(acquired -> acquired ? Mono.just(new AsyncAdvisoryLock(c, key))
                                : c.release().then(Mono.<AsyncAdvisoryLock>empty()))
                        .onErrorResume(e -> c.release().then(Mono.error(e))));
    }

    /** Where a subscriber's work runs: its transaction's connection, or the pool. */
    private ReactiveScope scope(ContextView context) {
        AsyncTransactionManager.Open open = transactions.current(context);
        return open != null ? open.tx.scope() : runtime().poolScope();
    }

    /** The model executor on this backend. */
    R2dbcRunner runner() {
        return runner;
    }

    /** Completes at once when connected; connects otherwise. */
    private Mono<Void> ensureConnected() {
        return serverVersion != null ? R2dbcRunner.CONNECTED : connect();
    }

    R2dbcRuntime runtime() {
        synchronized (lock) {
            if (runtime == null) {
                runtime = new R2dbcRuntime(config, statementLog);
            }
            return runtime;
        }
    }

    @Override
    public String toString() {
        return "AsyncPostgresBackend[" + config.host() + ":" + config.port() + "/" + config.database() + "]";
    }
}
