package io.pgrecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.internal.exec.Observability;
import io.pgrecord.internal.jdbc.BackendExecutors;
import io.pgrecord.internal.jdbc.DataSourceSource;
import io.pgrecord.internal.jdbc.JdbcExecutor;
import io.pgrecord.internal.jdbc.JdbcRunner;
import io.pgrecord.internal.model.LoadingPolicy;
import io.pgrecord.schema.Inspector;
import io.pgrecord.internal.types.Json;
import io.pgrecord.schema.SchemaManager;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The blocking backend: pgjdbc connections pooled by HikariCP. Thread-safe. It connects on
 * first use (or at {@link #connect()}) and owns its pool until {@link #close()}.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=backend}
 */
public final class PostgresBackend implements AutoCloseable {

    static {
        BackendExecutors.register(PostgresBackend::handle);
    }

    private final @Nullable PostgresConnectionConfig config;
    private final @Nullable DataSource dataSource;
    private final JdbcExecutor executor;
    private final TransactionManager transactions;
    /** This backend when it routes reads to replicas; the backend it is a view of for {@link #primary()}. */
    private final @Nullable PostgresBackend routed;
    private volatile @Nullable PostgresBackend primaryView;

    public PostgresBackend(PostgresConnectionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.dataSource = null;
        this.executor = new JdbcExecutor(this, config);
        this.transactions = new TransactionManager(executor.transactions());
        this.routed = null;
    }

    private PostgresBackend(DataSource dataSource) {
        this.config = null;
        this.dataSource = dataSource;
        this.executor = new JdbcExecutor(this, Json.MAPPER, LoadingPolicy.DEFAULT, Observability.DEFAULT,
                () -> new DataSourceSource(dataSource));
        this.transactions = new TransactionManager(executor.transactions());
        this.routed = null;
    }

    /** The {@link #primary()} view of {@code routed}: the same pools and transactions, no routing. */
    private PostgresBackend(PostgresBackend routed) {
        this.config = routed.config;
        this.dataSource = routed.dataSource;
        this.executor = routed.executor;
        this.transactions = routed.transactions;
        this.routed = routed;
    }

    /**
     * A backend on the application's own pool of pgjdbc connections, which pgrecord borrows and
     * never closes: {@link #close()} leaves the DataSource open. The server version is read once,
     * at the first use, and the capability gates apply as on pgrecord's own pool. The DataSource
     * must bind strings untyped, as pgrecord's pool does: set the pgjdbc property
     * {@code stringtype=unspecified} on it; the first use refuses one that does not. Each
     * connection pgrecord borrows has timetz, bytea and bytea[] values sent as text, as on its
     * own pool. It has no {@link #config()}, and JSON columns use the default mapper.
     */
    public static PostgresBackend of(DataSource dataSource) {
        return new PostgresBackend(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Opens the pool and reads the server version now rather than on first use.
     *
     * @throws io.pgrecord.error.ConnectionException when the server cannot be reached
     */
    public PostgresBackend connect() {
        executor.runtime();
        return this;
    }

    /** The connected server's version, e.g. {@code 16.4}. Connects if needed. */
    public ServerVersion serverVersion() {
        return executor.serverVersion();
    }

    /** What the connected server supports. Connects if needed. */
    public Capabilities capabilities() {
        return executor.capabilities();
    }

    /**
     * Raw jOOQ on this backend's pool. Its statements appear in the {@link #statementLog()},
     * and its failures raise the same {@code io.pgrecord.error} types as model calls.
     */
    public DSLContext dsl() {
        return executor.runtime().dsl();
    }

    /**
     * Raw jOOQ on a replica, for read-only statements outside transactions: the replica a
     * routed read would use now, after waiting for it as read-your-writes asks. When no replica
     * is usable, or the backend has none, it is {@link #dsl()}, on the primary. A write through
     * it fails with {@link io.pgrecord.error.ReadOnlyTransactionException}.
     */
    public DSLContext replicaDsl() {
        return routed == null ? executor.replicaDsl() : dsl();
    }

    /**
     * A view of this backend that never routes: every model read goes to the primary. It shares
     * this backend's pools and transactions; closing it closes nothing. Models configured with it,
     * or queries {@code using(...)} it, read from the primary.
     */
    public PostgresBackend primary() {
        if (routed != null) {
            return this;
        }
        PostgresBackend view = primaryView;
        if (view == null) {
            view = new PostgresBackend(this);
            primaryView = view;
        }
        return view;
    }

    /** Whether model reads may go to replicas: not on the {@link #primary()} view. */
    boolean routes() {
        return routed == null;
    }

    /** Transactions on this backend; models and {@link #dsl()} on the calling thread join them. */
    public TransactionManager transactionManager() {
        return transactions;
    }

    /** The pool's current figures; all zero before the first connection. */
    public PoolStats poolStats() {
        int[] f = executor.poolFigures();
        return new PoolStats(f[0], f[1], f[2], f[3], config == null ? 0 : config.poolMaxSize());
    }

    /** Waits for the session-level advisory lock {@code key} and holds it until the lock is closed. */
    public AdvisoryLock advisoryLock(long key) {
        return executor.lock(key, false).map(AdvisoryLock::new).orElseThrow();
    }

    /** Takes the advisory lock {@code key} if it is free; empty when another session holds it. */
    public Optional<AdvisoryLock> tryAdvisoryLock(long key) {
        return executor.lock(key, true).map(AdvisoryLock::new);
    }

    /** DDL on this backend: tables from models, enums, domains, indexes... It joins the thread's transaction. */
    public SchemaManager schema() {
        return executor.schema();
    }

    /** Reads tables, columns, indexes, keys, enums and domains back from the catalog. */
    public Inspector inspector() {
        return executor.inspector();
    }

    /** The SQL this backend sends, for tests that count statements. */
    public StatementLog statementLog() {
        return executor.statementLog();
    }

    /**
     * The configuration this backend was built from.
     *
     * @throws IllegalStateException for a backend over an application's DataSource ({@link #of(DataSource)})
     */
    public PostgresConnectionConfig config() {
        if (config == null) {
            throw new IllegalStateException("a PostgresBackend over an application's DataSource has no PostgresConnectionConfig");
        }
        return config;
    }

    /** The Jackson mapper of this backend's JSON columns. */
    ObjectMapper jsonMapper() {
        return config == null ? Json.MAPPER : config.jsonMapper();
    }

    /**
     * Listens to {@code channel} on this backend's one listening connection, which is its own,
     * outside the pool's budget, shared by every channel and closed with the backend (over an
     * application's DataSource it is one of that pool's connections, kept until then). Returns
     * once the server has confirmed the LISTEN. The handler runs on the listener's thread, one
     * notification at a time; after a lost connection was made again it receives one
     * {@link Notification#missed()} signal. Closing the returned handle ends only this
     * subscription; the channel is UNLISTENed when its last one ends.
     * {@snippet :
     * try (AutoCloseable sub = backend.listen("orders", n -> queue.add(n))) {
     *     backend.notify("orders", "{\"id\":1}");
     * }
     * }
     *
     * @param channel any name PostgreSQL takes quoted, matched exactly ({@code "Order Events"})
     * @throws IllegalArgumentException for an empty channel, a NUL character or over 63 bytes
     * @throws IllegalStateException over a DataSource whose connections are not pgjdbc's
     */
    public AutoCloseable listen(String channel, Consumer<Notification> handler) {
        return executor.listener().listen(channel, handler);
    }

    /**
     * Sends a notification with {@code pg_notify}: inside this thread's transaction it leaves at
     * the commit, and not at all after a rollback; outside one it runs on the pool.
     *
     * @param payload up to 7,999 bytes in UTF-8, without NUL; null sends an empty payload
     * @throws IllegalArgumentException for a bad channel, or a payload of 8,000 bytes or more or
     *     with a NUL character, before any SQL
     */
    public void notify(String channel, @Nullable String payload) {
        executor.notify(channel, payload);
    }

    public boolean isClosed() {
        return executor.isClosed();
    }

    /**
     * Closes the backend: new work is refused at once ({@code IllegalStateException}), while the
     * work in flight on other threads, a statement or a transaction to its end, may finish: the
     * pool is closed once its connections in use have come back, or after waiting the pool
     * timeout ({@link PostgresConnectionConfig#poolTimeout()}, 30 s by default), when those still
     * in use are closed under their users. A close inside the calling thread's own transaction
     * does not wait for that one. A backend over an application's DataSource closes nothing of
     * it. Idempotent.
     */
    @Override
    public void close() {
        if (routed == null) {
            executor.close();
        }
    }

    /** The model executor on this backend. */
    JdbcRunner runner() {
        return executor.runner();
    }

    /** What models loaded through this backend carry. */
    JdbcExecutor handle() {
        return executor;
    }

    @Override
    public String toString() {
        return config == null ? "PostgresBackend[" + dataSource + "]"
                : "PostgresBackend[" + config.host() + ":" + config.port() + "/" + config.database() + "]";
    }
}
