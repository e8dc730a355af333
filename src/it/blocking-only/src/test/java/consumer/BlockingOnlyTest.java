package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgrecord.ActiveRecord;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A consumer that excluded the reactive stack: models, queries and transactions still run. */
class BlockingOnlyTest {

    @Test
    void theReactiveStackIsNotOnTheClassPath() {
        for (String absent : List.of("reactor.core.publisher.Mono", "io.r2dbc.postgresql.PostgresqlConnectionFactory",
                "io.r2dbc.pool.ConnectionPool", "io.netty.buffer.ByteBuf", "reactor.netty.ReactorNetty")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
        }
    }

    @Test
    void modelsQueriesAndTransactionsRun() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            PostgresConnectionConfig config = PostgresConnectionConfig.builder()
                    .host("localhost").port(pg.getPort()).database("postgres").username("postgres").build();
            try (PostgresBackend backend = new PostgresBackend(config)) {
                backend.dsl().execute("CREATE TABLE notes (id bigserial PRIMARY KEY, body text NOT NULL)");
                ActiveRecord.configure(backend, Note.class);

                Note.of("kept").save();
                backend.transactionManager().inTransaction(() -> Note.of("committed").save());
                assertThrows(IllegalStateException.class, () -> backend.transactionManager().inTransaction(() -> {
                    Note.of("rolled back").save();
                    throw new IllegalStateException("roll back");
                }));

                assertEquals(List.of("committed", "kept"),
                        Note.find.query().orderBy("body").all().stream().map(n -> n.body).toList());
            }
        }
    }
}
