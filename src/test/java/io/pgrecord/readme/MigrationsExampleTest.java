package io.pgrecord.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.demo.AsyncShelf;
import io.pgrecord.demo.Shelf;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Flyway runs src/test/resources/db/migration, then the models work on the tables it made: on
 * pgrecord's own pools (both backends) and on an application's DataSource.
 */
@ExtendWith(PgExtension.class)
class MigrationsExampleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BothBackends
    void migrationsRunBeforeAModelSavesAndReadsOnTheirTable(Exec exec, TestDatabase db) {
        String label = "saved on " + exec;
        try (MigrationsExample.Backends backends = MigrationsExample.migrateThenConnect(db.config())) {
            assertMigrated(db);
            Long id;
            if (exec == Exec.JDBC) {
                Shelf shelf = new Shelf();
                shelf.room = "hall";
                shelf.label = label;
                shelf.using(backends.blocking()).save();
                id = Shelf.find.using(backends.blocking()).getById(shelf.id).id;
            } else {
                AsyncShelf shelf = new AsyncShelf();
                shelf.room = "hall";
                shelf.label = label;
                shelf.using(backends.async()).save().block(WAIT);
                id = AsyncShelf.find.using(backends.async()).getById(shelf.id).block(WAIT).id;
            }
            assertThat(db.query("SELECT room, label FROM shelves WHERE id = " + id)).containsExactly(List.of("hall", label));
        }
    }

    @Test
    void migrationsRunOnTheApplicationsDataSourceBeforeAModelUsesIt(TestDatabase db) {
        PostgresConnectionConfig c = db.config();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://" + c.host() + ":" + c.port() + "/" + c.database() + "?stringtype=unspecified");
        dataSource.setUser(c.username());
        dataSource.setPassword(c.password());
        try (PostgresBackend backend = MigrationsExample.migrateThenWrap(dataSource)) {
            assertMigrated(db);
            Shelf shelf = new Shelf();
            shelf.room = "cellar";
            shelf.label = "on the application's DataSource";
            shelf.using(backend).save();
            assertThat(db.query("SELECT room, label FROM shelves WHERE id = " + shelf.id))
                    .containsExactly(List.of("cellar", "on the application's DataSource"));
        }
    }

    /** Both migrations recorded as applied, whichever test ran them first. */
    private static void assertMigrated(TestDatabase db) {
        assertThat(db.query("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"))
                .containsExactly(List.of("1", true), List.of("2", true));
    }
}
