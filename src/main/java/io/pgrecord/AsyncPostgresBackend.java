package io.pgrecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.internal.model.LoadingPolicy;
import io.pgrecord.internal.r2dbc.R2dbcExecutor;
import io.pgrecord.internal.r2dbc.R2dbcRunner;
import io.pgrecord.internal.r2dbc.R2dbcRuntime;
import io.pgrecord.internal.types.Json;
import io.pgrecord.schema.AsyncInspector;
import io.pgrecord.schema.AsyncSchemaManager;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Objects;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reactive backend: r2dbc-postgresql connections pooled by r2dbc-pool. Thread-safe.
 * {@link #connect()} warms the pool and reads the server version; until then
 * {@link #serverVersion()} and {@link #capabilities()} throw, while {@link #dsl()} works and
 * connects on first subscription.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=async-backend}
 */
public final class AsyncPostgresBackend implements AutoCloseable {

    private final @Nullable PostgresConnectionConfig config;
    private final @Nullable ConnectionFactory connectionFactory;
    private final R2dbcExecutor executor;
    private final AsyncTransactionManager transactions;
    /** The backend this is the {@link #primary()} view of; null for a backend of its own. */
    private final @Nullable AsyncPostgresBackend routed;
    private volatile @Nullable AsyncPostgresBackend primaryView;

    public AsyncPostgresBackend(PostgresConnectionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.connectionFactory = null;
        this.executor = new R2dbcExecutor(this, config);
        this.transactions = new AsyncTransactionManager(executor.transactions());
        this.routed = null;
    }

    private AsyncPostgresBackend(ConnectionFactory connectionFactory) {
        this.config = null;
        this.connectionFactory = connectionFactory;
        this.executor = new R2dbcExecutor(this, LoadingPolicy.DEFAULT, recorder -> new R2dbcRuntime(connectionFactory, recorder));
        this.transactions = new AsyncTransactionManager(executor.transactions());
        this.routed = null;
    }

    /** The {@link #primary()} view of {@code routed}: the same pools and transactions, no routing. */
    private AsyncPostgresBackend(AsyncPostgresBackend routed) {
        this.config = routed.config;
        this.connectionFactory = routed.connectionFactory;
        this.executor = routed.executor;
        this.transactions = routed.transactions;
        this.routed = routed;
    }

    /**
     * Raw jOOQ on a replica, for read-only statements outside transactions: one known, from the
     * routed reads so far, to be up, within the lag bound and past the backend's latest commit.
     * It chooses without waiting; when no replica qualifies, or the backend has none, it is
     * {@link #dsl()}, on the primary. A write through it fails with
     * {@link io.pgrecord.error.ReadOnlyTransactionException}.
     */
    public DSLContext replicaDsl() {
        return routed == null ? executor.replicaDsl() : dsl();
    }

    /**
     * A view of this backend that never routes: every model read goes to the primary. It shares
     * this backend's pools and transactions; closing or disconnecting it does nothing.
     */
    public AsyncPostgresBackend primary() {
        if (routed != null) {
            return this;
        }
        AsyncPostgresBackend view = primaryView;
        if (view == null) {
            view = new AsyncPostgresBackend(this);
            primaryView = view;
        }
        return view;
    }

    /** Whether model reads may go to replicas: not on the {@link #primary()} view. */
    boolean routes() {
        return routed == null;
    }

    /**
     * A backend on the application's own r2dbc-postgresql {@link ConnectionFactory} (an r2dbc
     * pool, typically), which pgrecord never closes: {@link #disconnect()} and {@link #close()}
     * leave it open. {@link #connect()} reads the server version once; the capability gates and
     * untyped string binds apply as on pgrecord's own pool. It has no {@link #config()}, and
     * JSON columns use the default mapper.
     *
     * @throws IllegalArgumentException when the factory is not r2dbc-postgresql's, whose
     *     untyped binds pgrecord uses
     */
    public static AsyncPostgresBackend of(ConnectionFactory connectionFactory) {
        Objects.requireNonNull(connectionFactory, "connectionFactory");
        String driver = connectionFactory.getMetadata().getName();
        if (!"PostgreSQL".equals(driver)) {
            throw new IllegalArgumentException("AsyncPostgresBackend.of(ConnectionFactory) needs r2dbc-postgresql connections;"
                    + " the factory's driver is '" + driver + "'");
        }
        return new AsyncPostgresBackend(connectionFactory);
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
        return routed == null ? executor.disconnect() : Mono.empty();
    }

    /**
     * Closes the backend for good, as {@code PostgresBackend.close()} does, and blocks until its
     * pool's idle connections are closed: later work errors with
     * {@code IllegalStateException("backend is closed")} (a closed resource that reopened would
     * leak the pool it opened), as does work still waiting for a connection; a transaction
     * already open runs its statements to its COMMIT or ROLLBACK, and its connection is closed
     * when it gives it back. {@link #disconnect()} is
     * the one to call for a backend that connects again. A backend over the application's
     * factory ({@link #of(ConnectionFactory)}) leaves that factory open.
     */
    @Override
    public void close() {
        if (routed == null) {
            executor.close().block();
        }
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

    /**
     * The configuration this backend was built from.
     *
     * @throws IllegalStateException for a backend over an application's factory ({@link #of(ConnectionFactory)})
     */
    public PostgresConnectionConfig config() {
        if (config == null) {
            throw new IllegalStateException("an AsyncPostgresBackend over an application's ConnectionFactory has no PostgresConnectionConfig");
        }
        return config;
    }

    /** The Jackson mapper of this backend's JSON columns. */
    ObjectMapper jsonMapper() {
        return config == null ? Json.MAPPER : config.jsonMapper();
    }

    /** Transactions on this backend; they travel in the Reactor context. */
    public AsyncTransactionManager transactionManager() {
        return transactions;
    }

    /** The pool's current figures; all zero before the pool exists. */
    public PoolStats poolStats() {
        int[] f = executor.poolFigures();
        return new PoolStats(f[0], f[1], f[2], f[3], config == null ? 0 : config.poolMaxSize());
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

    /**
     * The signals of {@code channel}, from its LISTEN on this backend's one listening
     * connection, which is its own, outside the pool's budget, shared by every channel and
     * closed at {@link #disconnect()} (over an application's factory it is one of that
     * factory's connections, kept until then). After a lost connection was made again, the
     * subscription receives one {@link Notification#missed()} signal. Cancelling ends only this
     * subscription; the channel is UNLISTENed when its last one ends. {@link #disconnect()}
     * completes every subscription.
     * {@snippet :
     * async.listen("orders").subscribe(n -> handle(n));
     * async.notify("orders", "{\"id\":1}").block();
     * }
     *
     * @param channel any name PostgreSQL takes quoted, matched exactly ({@code "Order Events"});
     *     an empty one, a NUL character or over 63 bytes errors with {@code IllegalArgumentException}
     */
    public Flux<Notification> listen(String channel) {
        // the listener is looked up at subscription: a Flux made before a disconnect still works after
        return Flux.defer(() -> executor.listener().listen(channel));
    }

    /**
     * Sends a notification with {@code pg_notify}: subscribed inside a transaction of this
     * backend it leaves at the commit, and not at all after a rollback; outside one it runs on
     * the pool. A bad channel, or a payload of 8,000 bytes or more in UTF-8 or with a NUL
     * character, errors with {@code IllegalArgumentException} before any SQL.
     *
     * @param payload up to 7,999 bytes in UTF-8, without NUL; null sends an empty payload
     */
    public Mono<Void> notify(String channel, @Nullable String payload) {
        return executor.notify(channel, payload);
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
        return config == null ? "AsyncPostgresBackend[" + connectionFactory + "]"
                : "AsyncPostgresBackend[" + config.host() + ":" + config.port() + "/" + config.database() + "]";
    }
}
