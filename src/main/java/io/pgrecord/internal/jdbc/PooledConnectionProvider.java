package io.pgrecord.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.internal.error.ErrorTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.jooq.ConnectionProvider;

/**
 * Hands out pooled connections to jOOQ and to the model executor, turning a pool timeout into a
 * {@code ConnectionException} that names the pool limit.
 */
public final class PooledConnectionProvider implements ConnectionProvider {

    private final HikariDataSource dataSource;

    PooledConnectionProvider(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection acquire() {
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

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        }
    }
}
