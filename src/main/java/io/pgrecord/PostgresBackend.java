package io.pgrecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.internal.exec.Observability;
import io.pgrecord.internal.jdbc.DataSourceSource;
import io.pgrecord.internal.jdbc.JdbcExecutor;
import io.pgrecord.internal.jdbc.JdbcRunner;
import io.pgrecord.schema.Inspector;
import io.pgrecord.internal.types.Json;
import io.pgrecord.schema.SchemaManager;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

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

    private final @Nullable PostgresConnectionConfig config;
    private final @Nullable DataSource dataSource;
    private final JdbcExecutor executor;
    private final TransactionManager transactions;

    public PostgresBackend(PostgresConnectionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.dataSource = null;
        this.executor = new JdbcExecutor(this, config);
        this.transactions = new TransactionManager(executor.transactions());
    }

    private PostgresBackend(DataSource dataSource) {
        this.config = null;
        this.dataSource = dataSource;
        this.executor = new JdbcExecutor(this, Json.MAPPER, Observability.DEFAULT, () -> new DataSourceSource(dataSource));
        this.transactions = new TransactionManager(executor.transactions());
    }

    /**
     * A backend on the application's own pool of pgjdbc connections, which pgrecord borrows and
     * never closes: {@link #close()} leaves the DataSource open. The server version is read once,
     * at the first use, and the capability gates apply as on pgrecord's own pool. The DataSource
     * must bind strings untyped, as pgrecord's pool does: set the pgjdbc property
     * {@code stringtype=unspecified} on it; the first use refuses one that does not. It has no
     * {@link #config()}, and JSON columns use the default mapper.
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

    public boolean isClosed() {
        return executor.isClosed();
    }

    /**
     * Closes the pool; connections in use are closed as they are returned. A backend over an
     * application's DataSource closes nothing of it. Idempotent.
     */
    @Override
    public void close() {
        executor.close();
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
