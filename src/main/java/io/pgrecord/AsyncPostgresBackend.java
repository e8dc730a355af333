package io.pgrecord;

import io.pgrecord.internal.r2dbc.R2dbcExecutor;
import io.pgrecord.internal.r2dbc.R2dbcRunner;
import io.pgrecord.schema.AsyncInspector;
import io.pgrecord.schema.AsyncSchemaManager;
import java.util.Objects;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
    private final R2dbcExecutor executor;
    private final AsyncTransactionManager transactions;

    public AsyncPostgresBackend(PostgresConnectionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.executor = new R2dbcExecutor(this, config);
        this.transactions = new AsyncTransactionManager(executor.transactions());
    }

    /**
     * Warms the pool and reads the server version. Idempotent: later calls complete at once.
     * Errors with {@code ConnectionException} when the server cannot be reached; a later call
     * tries again.
     */
    public Mono<Void> connect() {
        return executor.connect();
    }

    /** Closes the pool. A later {@link #connect()} or {@link #dsl()} opens a new one. */
    public Mono<Void> disconnect() {
        return executor.disconnect();
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
        return executor.serverVersion();
    }

    /**
     * What the connected server supports.
     *
     * @throws IllegalStateException before {@link #connect()} has completed
     */
    public Capabilities capabilities() {
        return executor.capabilities();
    }

    /**
     * Raw jOOQ over R2DBC on this backend's pool: subscribe to its queries
     * ({@code Flux.from(dsl().selectFrom(...))}). Queries and batches subscribed inside a
     * transaction of this backend ({@code inTransaction}, {@code AsyncTransaction.run}) run on
     * its connection; others take a pooled one. Statements appear in the
     * {@link #statementLog()} and failures raise {@code io.pgrecord.error} types.
     */
    public DSLContext dsl() {
        return executor.runtime().dsl();
    }

    /** DDL on this backend, each method returning a {@code Mono<Void>}; it connects on first use. */
    public AsyncSchemaManager schema() {
        return executor.schema();
    }

    /** Reads the catalog back, each method returning a {@code Mono}; it connects on first use. */
    public AsyncInspector inspector() {
        return executor.inspector();
    }

    /** The SQL this backend sends, for tests that count statements. */
    public StatementLog statementLog() {
        return executor.statementLog();
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
        int[] f = executor.poolFigures();
        return new PoolStats(f[0], f[1], f[2], f[3], config.poolMaxSize());
    }

    /** Waits for the session-level advisory lock {@code key}; release it with {@link AsyncAdvisoryLock#release()}. */
    public Mono<AsyncAdvisoryLock> advisoryLock(long key) {
        return executor.lock(key, false).map(AsyncAdvisoryLock::new);
    }

    /** Takes the advisory lock {@code key} if free; empty when another session holds it. */
    public Mono<AsyncAdvisoryLock> tryAdvisoryLock(long key) {
        return executor.lock(key, true).map(AsyncAdvisoryLock::new);
    }

    /** Runs the work while holding the advisory lock {@code key}, releasing it however the work ends. */
    public <T> Flux<T> withAdvisoryLock(long key, Supplier<? extends Publisher<T>> work) {
        return executor.withLock(key, work);
    }

    /** The model executor on this backend. */
    R2dbcRunner runner() {
        return executor.runner();
    }

    /** What models loaded through this backend carry. */
    R2dbcExecutor handle() {
        return executor;
    }

    @Override
    public String toString() {
        return "AsyncPostgresBackend[" + config.host() + ":" + config.port() + "/" + config.database() + "]";
    }
}
