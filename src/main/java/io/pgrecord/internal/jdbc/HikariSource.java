package io.pgrecord.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.internal.error.ErrorTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.Driver;

/** The executor's own HikariCP pool over pgjdbc, turning a pool timeout into an error naming the limit. */
public final class HikariSource implements JdbcConnectionSource {

    private final HikariDataSource dataSource;
    /** Set at the start of a close: no connection is lent any more. */
    private volatile boolean closing;

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
        if (closing) {
            throw new IllegalStateException("backend is closed");
        }
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

    /** A connection of the pool's own URL and driver settings, that the pool does not count. */
    @Override
    public Connection dedicated() {
        Properties p = new Properties();
        p.putAll(dataSource.getDataSourceProperties());
        if (dataSource.getUsername() != null) {
            p.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            p.setProperty("password", dataSource.getPassword());
        }
        try {
            return new Driver().connect(dataSource.getJdbcUrl(), p);
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

    /**
     * Waits up to the pool timeout for the connections in use to come back, polling with backoff:
     * HikariCP's own close aborts them, failing statements that other threads are running.
     */
    @Override
    public void closeAfterWork(int callersOwn) {
        closing = true;
        HikariPoolMXBean mx = dataSource.getHikariPoolMXBean();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(dataSource.getConnectionTimeout());
        long backoff = 1;
        while (mx != null && mx.getActiveConnections() > callersOwn && System.nanoTime() < deadline) {
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = Math.min(backoff * 2, 100);
        }
        dataSource.close();
    }

    @Override
    public void close() {
        closing = true;
        dataSource.close();
    }
}
