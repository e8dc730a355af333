package io.pgrecord.demo;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.Capability;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.error.UniqueViolationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The README tour: {@code mvn -q exec:java}. Runs on an embedded PostgreSQL, or on the server
 * named by {@code PGRECORD_URL} (or the libpq variables {@code PGHOST}/{@code PGDATABASE}...).
 */
public final class Demo {

    private static final Table<Record> ITEMS = table(name("demo_items"));
    private static final Field<Integer> ID = field(name("id"), SQLDataType.INTEGER);
    private static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR(100));

    private Demo() {
    }

    public static void main(String[] args) throws IOException {
        EmbeddedPostgres embedded = null;
        PostgresConnectionConfig config;
        String url = System.getenv("PGRECORD_URL");
        if (url != null && !url.isBlank()) {
            config = PostgresConnectionConfig.fromUrl(url);
            System.out.println("Using PGRECORD_URL: " + config);
        } else if (System.getenv("PGHOST") != null || System.getenv("PGDATABASE") != null) {
            config = PostgresConnectionConfig.fromEnvironment();
            System.out.println("Using the libpq environment: " + config);
        } else {
            System.out.println("Starting an embedded PostgreSQL ...");
            embedded = EmbeddedPostgres.builder().start();
            config = PostgresConnectionConfig.builder()
                    .host("localhost").port(embedded.getPort()).database("postgres").username("postgres")
                    .option("application_name", "pgrecord-demo")
                    .build();
        }
        try {
            run(config);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void run(PostgresConnectionConfig config) {
        try (PostgresBackend backend = new PostgresBackend(config);
             AsyncPostgresBackend async = new AsyncPostgresBackend(config)) {
            backend.connect();
            async.connect().block(Duration.ofSeconds(30));

            System.out.println("PostgreSQL server version: " + backend.serverVersion());
            System.out.println("Supported capabilities: " + backend.capabilities().supported().size()
                    + " of " + Capability.values().length);
            System.out.println("  MERGE: " + backend.capabilities().supports(Capability.MERGE)
                    + ", MULTIRANGE: " + backend.capabilities().supports(Capability.MULTIRANGE)
                    + ", RETURNING OLD/NEW: " + backend.capabilities().supports(Capability.RETURNING_OLD_NEW));
            String missing = Stream.of(Capability.values()).filter(c -> !backend.capabilities().supports(c))
                    .map(c -> c + " (" + c.minimumVersion().toShortString() + "+)").collect(Collectors.joining(", "));
            System.out.println("  not on this server: " + (missing.isEmpty() ? "none" : missing));

            blockingJooq(backend.dsl());
            reactiveJooq(async);
            ModelTour.schema(backend);
            ModelTour.blocking(backend);
            ModelTour.reactive(async);
        }
        MigrationsTour.run(config);
        SqlLogTour.show(config);
    }

    private static void blockingJooq(DSLContext dsl) {
        System.out.println("\n-- raw jOOQ, blocking (pgjdbc + HikariCP)");
        dsl.dropTableIfExists(ITEMS).execute();
        dsl.createTable(ITEMS).column(ID).column(NAME).primaryKey(ID).execute();
        int inserted = dsl.insertInto(ITEMS, ID, NAME).values(1, "apple").values(2, "banana").values(3, "cherry").execute();
        System.out.println("inserted " + inserted + " rows");
        dsl.select(ID, NAME).from(ITEMS).orderBy(ID).fetch()
                .forEach(r -> System.out.println("  " + r.get(ID) + " " + r.get(NAME)));
        try {
            dsl.insertInto(ITEMS, ID, NAME).values(1, "duplicate").execute();
        } catch (UniqueViolationException e) {
            System.out.println("duplicate id rejected: " + e.getClass().getSimpleName()
                    + " on constraint " + e.constraintName() + " (SQLSTATE " + e.sqlState() + ")");
        }
    }

    private static void reactiveJooq(AsyncPostgresBackend async) {
        System.out.println("\n-- raw jOOQ, reactive (r2dbc-postgresql + r2dbc-pool)");
        DSLContext dsl = async.dsl();
        Integer inserted = Mono.from(dsl.insertInto(ITEMS, ID, NAME).values(4, "damson")).block();
        System.out.println("inserted " + inserted + " row");
        Flux.from(dsl.select(ID, NAME).from(ITEMS).where(ID.gt(2)).orderBy(ID))
                .doOnNext(r -> System.out.println("  " + r.get(ID) + " " + r.get(NAME)))
                .blockLast();
        Mono.from(dsl.insertInto(ITEMS, ID, NAME).values(4, "duplicate"))
                .onErrorResume(UniqueViolationException.class, e -> {
                    System.out.println("duplicate id rejected: " + e.getClass().getSimpleName()
                            + " on constraint " + e.constraintName() + " (SQLSTATE " + e.sqlState() + ")");
                    return Mono.empty();
                })
                .block();
        Mono.from(dsl.dropTable(ITEMS)).block();
    }
}
