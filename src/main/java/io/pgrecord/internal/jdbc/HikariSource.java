package io.pgrecord.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.internal.error.ErrorTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/** The executor's own HikariCP pool over pgjdbc, turning a pool timeout into an error naming the limit. */
public final class HikariSource implements JdbcConnectionSource {

    private final HikariDataSource dataSource;

    private HikariSource(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static HikariSource open(PostgresConnectionConfig config) {
        try {
            return new HikariSource(new HikariDataSource(HikariConfigs.from(config)));
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    @Override
    public Connection get() {
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
    public void evictIdle() {
        HikariPoolMXBean mx = dataSource.getHikariPoolMXBean();
        if (mx != null) {
            mx.softEvictConnections();
        }
    }

    @Override
    public int[] figures() {
        HikariPoolMXBean mx = dataSource.getHikariPoolMXBean();
        if (mx == null) {
            return new int[4];
        }
        return new int[] {mx.getActiveConnections(), mx.getIdleConnections(), mx.getTotalConnections(),
            mx.getThreadsAwaitingConnection()};
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
