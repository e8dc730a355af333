package io.pgrecord.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.internal.error.ErrorTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.jooq.ConnectionProvider;

/**
 * Hands out connections to jOOQ and to the model executor: the thread's transaction connection
 * when there is one, a pooled one otherwise, turning a pool timeout into a {@code ConnectionException}
 * that names the pool limit.
 */
public final class PooledConnectionProvider implements ConnectionProvider {

    private final HikariDataSource dataSource;
    private final TxBinding binding;

    PooledConnectionProvider(HikariDataSource dataSource, TxBinding binding) {
        this.dataSource = dataSource;
        this.binding = binding;
    }

    /** The calling thread's transaction connection, or a pooled one. */
    @Override
    public Connection acquire() {
        Connection bound = binding.current();
        return bound != null ? bound : acquireFromPool();
    }

    /** A connection from the pool, whatever the thread's transaction. */
    public Connection acquireFromPool() {
        try {
            return dataSource.getConnection();
        } catch (SQLTransientConnectionException e) {
            // Hikari attaches the last connect failure as the cause; none means every connection was busy.
            if (e.getCause() == null) {
                throw ErrorTranslator.poolExhausted(dataSource.getPoolName(), dataSource.getMaximumPoolSize(),
                        Duration.ofMillis(dataSource.getConnectionTimeout()), e);
            }
            throw JdbcErrors.translate(e);
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        }
    }

    /** Returns a pooled connection; the thread's transaction connection stays open until the transaction ends. */
    @Override
    public void release(Connection connection) {
        if (connection == binding.current()) {
            return;
        }
        releaseToPool(connection);
    }

    public void releaseToPool(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        }
    }
}
