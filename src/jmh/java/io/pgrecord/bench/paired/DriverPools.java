package io.pgrecord.bench.paired;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One pool per driver setting, on one database: HikariCP over pgjdbc, a pgrecord blocking
 * backend given the setting as a driver option, and r2dbc-pool over r2dbc-postgresql. Built as
 * the main run's pools are, with the setting as the only difference; a setting and its
 * in-transaction twin share a pool. Two connections each: one benchmark thread uses them, and
 * the server keeps its connection slots.
 */
final class DriverPools implements AutoCloseable {

    static final int SIZE = 2;

    private final int port;
    private final String database;
    private final Map<String, HikariDataSource> jdbc = new LinkedHashMap<>();
    private final Map<String, PostgresBackend> pgrecord = new LinkedHashMap<>();
    private final Map<String, ConnectionPool> r2dbc = new LinkedHashMap<>();

    DriverPools(int port, String database) {
        this.port = port;
        this.database = database;
    }

    DataSource jdbc(DriverSetting s) {
        return jdbc.computeIfAbsent(key(s), k -> {
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/" + database);
            hc.setUsername("postgres");
            hc.setMaximumPoolSize(SIZE);
            hc.setMinimumIdle(SIZE);
            // as the main run's raw pool: what pgrecord's own pool sets that changes the driver's work
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
            hc.addDataSourceProperty("stringtype", "unspecified");
            if (!s.isDefault()) {
                hc.addDataSourceProperty(s.property(), s.value());
            }
            return new HikariDataSource(hc);
        });
    }

    PostgresBackend pgrecord(DriverSetting s) {
        return pgrecord.computeIfAbsent(key(s), k -> {
            PostgresConnectionConfig.Builder b = PostgresConnectionConfig.builder()
                    .host("localhost").port(port).database(database).username("postgres")
                    .poolMinSize(SIZE).poolMaxSize(SIZE).poolTimeout(Duration.ofSeconds(30));
            if (!s.isDefault()) {
                b.driverOption(s.property(), s.value());
            }
            return new PostgresBackend(b.build()).connect();
        });
    }

    ConnectionPool r2dbc(DriverSetting s) {
        return r2dbc.computeIfAbsent(key(s), k -> {
            PostgresqlConnectionConfiguration.Builder b = PostgresqlConnectionConfiguration.builder()
                    .host("localhost").port(port).database(database).username("postgres").tcpKeepAlive(true);
            if (!s.isDefault()) {
                switch (s.property()) {
                    case "preparedStatementCacheQueries" -> b.preparedStatementCacheQueries(Integer.parseInt(s.value()));
                    case "fetchSize" -> b.fetchSize(Integer.parseInt(s.value()));
                    case "forceBinary" -> b.forceBinary(Boolean.parseBoolean(s.value()));
                    default -> throw new IllegalArgumentException("no r2dbc-postgresql setting " + s.property() + " in the study");
                }
            }
            // as the main run's raw r2dbc pool: checkout validation as pgrecord's reactive pool does it
            ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(b.build()))
                    .initialSize(SIZE).minIdle(SIZE).maxSize(SIZE)
                    .maxAcquireTime(Duration.ofSeconds(30))
                    .validationDepth(ValidationDepth.LOCAL)
                    .build());
            pool.warmup().block();
            return pool;
        });
    }

    private static String key(DriverSetting s) {
        return s.isDefault() ? "" : s.property() + "=" + s.value();
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(jdbc.values());
        all.addAll(pgrecord.values());
        RuntimeException failure = null;
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("closing a study pool", e) : failure;
            }
        }
        r2dbc.values().forEach(ConnectionPool::dispose);
        if (failure != null) {
            throw failure;
        }
    }
}
