package io.pgrecord.internal.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.ServerVersion;
import io.pgrecord.internal.exec.JooqDefaults;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.types.JsonMappers;
import io.pgrecord.internal.types.ServerGates;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.DSLContext;
import org.jooq.TransactionProvider;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * The blocking executor's live state: the connection source, the jOOQ context on it and the server
 * version read at connect. Created on first use by {@link JdbcExecutor}; closed with it.
 */
public final class JdbcRuntime implements AutoCloseable {

    private final JdbcConnectionSource source;
    private final PooledConnectionProvider connections;
    private final DSLContext dsl;
    private final JdbcDirect direct;
    private final ServerVersion serverVersion;
    private final JdbcExecuteListener listener;

    private JdbcRuntime(JdbcConnectionSource source, StatementRecorder recorder, TxBinding binding,
            TransactionProvider transactions, ObjectMapper jsonMapper) {
        this.source = source;
        this.connections = new PooledConnectionProvider(source, binding);
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(JooqDefaults.DIALECT);
        configuration.set(JooqDefaults.settings());
        configuration.set(connections);
        this.listener = new JdbcExecuteListener(recorder, this::evictIdle);
        configuration.set(new DefaultExecuteListenerProvider(listener));
        configuration.set(transactions);
        this.dsl = DSL.using(configuration);
        JsonMappers.remember(configuration, jsonMapper);
        this.direct = new JdbcDirect(recorder, this::evictIdle, jsonMapper);
        this.serverVersion = readServerVersion();
        ServerGates.remember(configuration, serverVersion);
    }

    /** Reads the server version from the opened source; a failure closes the source again. */
    static JdbcRuntime start(JdbcConnectionSource source, StatementRecorder recorder, TxBinding binding,
            TransactionProvider transactions, ObjectMapper jsonMapper) {
        try {
            return new JdbcRuntime(source, recorder, binding, transactions, jsonMapper);
        } catch (RuntimeException e) {
            source.close();
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

    /** Tells {@code hook} of each jOOQ statement that wrote and committed on its own (a raw {@code dsl()} write). */
    void onAutocommitWrite(Runnable hook) {
        listener.onAutocommitWrite(hook);
    }

    /** Replaces the pool's connections: idle ones now, busy ones when they come back. */
    void evictIdle() {
        source.evictIdle();
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

    public JdbcConnectionSource source() {
        return source;
    }

    @Override
    public void close() {
        source.close();
    }

    /** Closes the source once the work in flight is done (see {@link JdbcConnectionSource#closeAfterWork}). */
    public void closeAfterWork(int callersOwn) {
        source.closeAfterWork(callersOwn);
    }
}
