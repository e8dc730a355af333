package io.pgrecord.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.ServerVersion;
import io.pgrecord.internal.exec.JooqDefaults;
import io.pgrecord.internal.exec.StatementRecorder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * The blocking executor's live state: the HikariCP pool, the jOOQ context on it and the server
 * version read at connect. Created on first use by {@code PostgresBackend}; closed with it.
 */
public final class JdbcRuntime implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final PooledConnectionProvider connections;
    private final DSLContext dsl;
    private final JdbcDirect direct;
    private final ServerVersion serverVersion;

    private JdbcRuntime(HikariDataSource dataSource, StatementRecorder recorder, TxBinding binding,
            org.jooq.TransactionProvider transactions) {
        this.dataSource = dataSource;
        this.connections = new PooledConnectionProvider(dataSource, binding);
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(JooqDefaults.DIALECT);
        configuration.set(JooqDefaults.settings());
        configuration.set(connections);
        configuration.set(new DefaultExecuteListenerProvider(new JdbcExecuteListener(recorder, this::evictIdle)));
        configuration.set(transactions);
        this.dsl = DSL.using(configuration);
        this.direct = new JdbcDirect(recorder, this::evictIdle);
        this.serverVersion = readServerVersion();
        io.pgrecord.internal.types.ServerGates.remember(configuration, serverVersion);
    }

    /** Opens the pool and reads the server version; a failure closes the pool again. */
    public static JdbcRuntime start(PostgresConnectionConfig config, StatementRecorder recorder, TxBinding binding,
            org.jooq.TransactionProvider transactions) {
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(HikariConfigs.from(config));
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
        try {
            return new JdbcRuntime(dataSource, recorder, binding, transactions);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private ServerVersion readServerVersion() {
        Connection c = connections.acquireFromPool();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(JooqDefaults.SERVER_VERSION_SQL)) {
            rs.next();
            return ServerVersion.fromVersionNum(rs.getString(1));
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        } finally {
            connections.releaseToPool(c);
        }
    }

    /** Replaces the pool's connections: idle ones now, busy ones when they come back. */
    void evictIdle() {
        if (dataSource.getHikariPoolMXBean() != null) {
            dataSource.getHikariPoolMXBean().softEvictConnections();
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** Pre-rendered statements on the same connections, log and error translation as {@link #dsl()}. */
    public JdbcDirect direct() {
        return direct;
    }

    public ServerVersion serverVersion() {
        return serverVersion;
    }

    public PooledConnectionProvider connections() {
        return connections;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
