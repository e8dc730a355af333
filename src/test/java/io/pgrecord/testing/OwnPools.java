package io.pgrecord.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.PostgresConnectionConfig;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;

/**
 * The application's own pools, for the harness run with {@code -Dpgrecord.test.source=own}: the
 * shared backends of a {@link TestDatabase} are then {@code PostgresBackend.of(HikariDataSource)}
 * and {@code AsyncPostgresBackend.of(ConnectionPool)}, so the both-backends scenarios run over
 * pools pgrecord does not own. The pom's {@code own-pools} execution runs the model, query and
 * transaction classes so.
 */
public final class OwnPools {

    private static final boolean ENABLED = "own".equals(System.getProperty("pgrecord.test.source"));

    private OwnPools() {
    }

    /** Whether the shared backends run over the application's own pools. */
    public static boolean enabled() {
        return ENABLED;
    }

    /** A HikariCP pool for the config's database, binding strings untyped as pgrecord requires. */
    public static HikariDataSource hikari(PostgresConnectionConfig c) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("app-jdbc-" + c.database());
        hc.setJdbcUrl("jdbc:postgresql://" + c.host() + ":" + c.port() + "/" + c.database());
        hc.setUsername(c.username());
        hc.setPassword(c.password());
        hc.setMinimumIdle(0);
        hc.setMaximumPoolSize(c.poolMaxSize());
        hc.setConnectionTimeout(c.poolTimeout().toMillis());
        hc.addDataSourceProperty("stringtype", "unspecified");
        return new HikariDataSource(hc);
    }

    /** An r2dbc pool of r2dbc-postgresql connections for the config's database. */
    static ConnectionPool r2dbc(PostgresConnectionConfig c) {
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(c.host()).port(c.port()).database(c.database()).username(c.username()).password(c.password()).build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory).name("app-r2dbc-" + c.database())
                .initialSize(0).maxSize(c.poolMaxSize()).maxAcquireTime(c.poolTimeout()).maxIdleTime(Duration.ofMinutes(1)).build());
    }
}
