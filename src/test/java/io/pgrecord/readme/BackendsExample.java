package io.pgrecord.readme;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.Capability;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.ServerVersion;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import reactor.core.publisher.Flux;

/** The README's "Backends and raw jOOQ" block, on a table {@code items(id integer, name text)}. */
final class BackendsExample {

    static final Table<Record> ITEMS = table(name("items"));
    static final Field<Integer> ID = field(name("id"), SQLDataType.INTEGER);
    static final Field<String> NAME = field(name("name"), SQLDataType.CLOB);

    private BackendsExample() {
    }

    /** Needs PostgreSQL 14+ (the MULTIRANGE check) and an empty {@code items} table. */
    static void run(PostgresConnectionConfig config) {
        // README: backends-begin
        try (PostgresBackend backend = new PostgresBackend(config)) {     // pgjdbc + HikariCP
            backend.connect();                                            // optional: first use connects
            ServerVersion v = backend.serverVersion();                    // "18.6", v.isAtLeast(15)
            boolean merge = backend.capabilities().supports(Capability.MERGE);
            backend.capabilities().require(Capability.MULTIRANGE);        // UnsupportedCapabilityException below 14
            DSLContext dsl = backend.dsl();                               // raw jOOQ on the same pool
            dsl.insertInto(ITEMS, ID, NAME).values(1, "apple").execute();
        }

        AsyncPostgresBackend async = new AsyncPostgresBackend(config);   // r2dbc-postgresql + r2dbc-pool
        async.connect().block();
        Flux.from(async.dsl().select(ID, NAME).from(ITEMS)).doOnNext(System.out::println).blockLast();
        async.close();
        // README: backends-end
    }
}
