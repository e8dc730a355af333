package io.pgrecord.demo;

import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The demo's section on schema migrations at run time: Flyway first, then the models. It keeps
 * to a schema of its own, since the demo's database already holds the other sections' tables.
 */
final class MigrationsTour {

    private MigrationsTour() {
    }

    private static final String SCHEMA = "shelving";

    static void run(PostgresConnectionConfig demoConfig) {
        PostgresConnectionConfig config = demoConfig.toBuilder().option("search_path", SCHEMA).build();
        System.out.println("\n-- migrations at run time (Flyway), then a model on their table");
        String jdbcUrl = "jdbc:postgresql://" + config.host() + ":" + config.port() + "/" + config.database();
        Flyway flyway = Flyway.configure()
                .dataSource(jdbcUrl, config.username(), config.password())
                .locations("classpath:db/migration")
                .schemas(SCHEMA)                 // created if missing; the migrations run with it as search_path
                .load();
        MigrateResult result = flyway.migrate();
        System.out.println("applied " + result.migrationsExecuted + " migration(s); schema version "
                + flyway.info().current().getVersion() + " (jOOQ's code generator can read the same files)");
        try (PostgresBackend backend = new PostgresBackend(config).connect()) {
            Shelf shelf = new Shelf();
            shelf.room = "study";
            shelf.label = "made by V1, labelled thanks to V2";
            shelf.using(backend).save();
            Shelf read = Shelf.find.using(backend).getById(shelf.id);
            System.out.println("saved and read shelf " + read.id + " in the " + read.room + ": " + read.label);
        }
    }
}
