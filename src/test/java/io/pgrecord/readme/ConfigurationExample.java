package io.pgrecord.readme;

import io.pgrecord.PostgresConnectionConfig;
import java.time.Duration;

/** The README's "Configuration" block. */
final class ConfigurationExample {

    private ConfigurationExample() {
    }

    /** Compiled, not run: {@code fromEnvironment} needs {@code PGDATABASE} set. */
    static void configure() {
        // README: configuration-begin
        PostgresConnectionConfig config = PostgresConnectionConfig.builder()
                .host("localhost").port(5432).database("mydb")
                .username("user").password("password")
                .option("sslmode", "prefer")            // disable|allow|prefer|require|verify-ca|verify-full
                .option("connect_timeout", 10)          // seconds
                .option("application_name", "my_app")
                .option("search_path", "app,public")
                .option("statement_timeout", 5000)      // milliseconds, or a java.time.Duration
                .poolMinSize(1).poolMaxSize(10).poolTimeout(Duration.ofSeconds(30))
                .build();
        PostgresConnectionConfig c2 = PostgresConnectionConfig.fromUrl("postgresql://user:secret@localhost:5432/mydb?sslmode=prefer");
        PostgresConnectionConfig c3 = PostgresConnectionConfig.fromEnvironment();   // PGHOST, PGPORT, PGDATABASE, PGUSER, ...
        // README: configuration-end
    }
}
