package io.pgrecord.readme;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The README's blocks on running Flyway migrations before the models are used. */
final class MigrationsExample {

    private MigrationsExample() {
    }

    /** Both backends, built on pgrecord's own pools once the migrations have run. */
    record Backends(PostgresBackend blocking, AsyncPostgresBackend async) implements AutoCloseable {
        @Override
        public void close() {
            try (blocking; async) {
                // closes both, even when one fails
            }
        }
    }

    static Backends migrateThenConnect(PostgresConnectionConfig config) {
        // README: flyway-own-pool-begin
        // Flyway takes a JDBC URL or a DataSource; pgrecord's pools are built after it has run
        String jdbcUrl = "jdbc:postgresql://" + config.host() + ":" + config.port() + "/" + config.database();
        Flyway.configure()
                .dataSource(jdbcUrl, config.username(), config.password())
                .locations("classpath:db/migration")     // V1__create_shelves.sql, V2__shelf_label.sql
                .load()
                .migrate();
        PostgresBackend backend = new PostgresBackend(config).connect();
        AsyncPostgresBackend async = new AsyncPostgresBackend(config);
        // README: flyway-own-pool-end
        return new Backends(backend, async);
    }

    static PostgresBackend migrateThenWrap(DataSource dataSource) {
        // README: flyway-datasource-begin
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        PostgresBackend backend = PostgresBackend.of(dataSource).connect();
        // README: flyway-datasource-end
        return backend;
    }
}
