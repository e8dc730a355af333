package io.pgrecord.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.pgrecord.ActiveRecord;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.Notification;
import io.pgrecord.PostgresBackend;
import io.pgrecord.demo.Article;
import io.pgrecord.demo.Booking;
import io.pgrecord.demo.Product;
import io.pgrecord.schema.SchemaManager;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the README's examples that can run as written, against a real server; the others are
 * compiled only (their classes say why). {@link ReadmeBlocksTest} keeps the README equal to them.
 */
@ExtendWith(PgExtension.class)
class ReadmeExamplesTest {

    @BeforeAll
    static void schema(TestDatabase db) throws IOException {
        // users and posts as the generated USERS of the codegen block knows them
        db.execute(Files.readString(Path.of("codegen-config", "migrations", "V1__users_and_posts.sql")));
        SchemaManager schema = db.blocking().schema();
        for (Class<?> model : List.of(Counter.class, Doc.class,
                Article.class, Product.class, Booking.class)) {
            schema.createTable(model);
        }
        db.execute("CREATE TABLE items (id integer PRIMARY KEY, name text)");
        // the README's models use the default backends, as its text does
        ActiveRecord.configure(db.blocking());
        AsyncActiveRecord.configure(db.async());
    }

    @Test
    void backendsBlockWritesWithJdbcAndReadsWithR2dbc(TestDatabase db) {
        assumeThat(db.blocking().serverVersion().major()).as("the block requires MULTIRANGE, PostgreSQL 14").isGreaterThanOrEqualTo(14);
        BackendsExample.run(db.config());
        assertThat(db.query("SELECT id, name FROM items")).containsExactly(List.of(1, "apple"));
    }

    @Test
    void modelsQueriesAndCodegenBlocksRunInTurn(TestDatabase db) {
        PostgresBackend backend = db.blocking();
        User ann = ModelsExample.run(backend);
        assertThat(ann.id).isNotNull();
        assertThat(ann.lockVersion).as("one UPDATE, then a save with nothing changed").isEqualTo(1);
        assertThat(db.query("SELECT name, email, metadata::text FROM users WHERE id = " + ann.id))
                .containsExactly(List.of("Ann", "ann@example.org", "{\"role\": \"admin\"}"));

        backend.statementLog().start();
        QueriesExample.run(backend.dsl());
        List<String> sent = backend.statementLog().stop();
        assertThat(sent).as("one statement per line, two for include(\"posts\")").hasSize(10);
        assertThat(sent).anySatisfy(sql -> assertThat(sql).contains("active_users"));
        assertThat(sent).anySatisfy(sql -> assertThat(sql).contains("id IN (cast(? as bigint), cast(? as bigint), cast(? as bigint))"));

        CodegenExample.Found found = CodegenExample.run(backend);
        assertThat(found.ann().id).isEqualTo(ann.id);
        List<Object> activeIds = db.query("SELECT id FROM users WHERE is_active").stream().map(row -> row.get(0)).toList();
        assertThat(found.active()).extracting(u -> (Object) u.id).contains(ann.id).containsExactlyInAnyOrderElementsOf(activeIds);
    }

    @Test
    void reactiveModelsBlockSavesAndFindsCy(TestDatabase db) {
        AsyncUser cy = ReactiveModelsExample.run(db.async());
        assertThat(cy.id).isNotNull();
        assertThat(db.queryValue("SELECT name FROM users WHERE id = " + cy.id)).isEqualTo("Cy");
    }

    @Test
    void blockingTransactionsHalfRunsInsideAnOuterTransaction(TestDatabase db) {
        User a = new User();
        a.name = "Tx C";
        User b = new User();
        b.name = "Tx D";
        // the savepoint line needs an open transaction: the whole half runs nested in one
        db.blocking().transactionManager().inTransaction(() -> TransactionsExample.blocking(db.blocking(), a, b));
        assertThat(db.query("SELECT name FROM users WHERE id IN (" + a.id + ", " + b.id + ") ORDER BY name"))
                .containsExactly(List.of("Tx C -10"), List.of("Tx D +10"));
    }

    @Test
    void reactiveTransactionsHalfCommitsBothUsers(TestDatabase db) {
        AsyncUser a = new AsyncUser();
        a.name = "Tx A";
        AsyncUser b = new AsyncUser();
        b.name = "Tx B";
        TransactionsExample.reactive(db.async(), a, b);
        assertThat(db.query("SELECT name FROM users WHERE id IN (" + a.id + ", " + b.id + ") ORDER BY name"))
                .containsExactly(List.of("Tx A"), List.of("Tx B"));
    }

    @Test
    void retryOnStaleBlockCountsOnceOnEachBackend(TestDatabase db) {
        Long id = ((Number) db.queryValue("INSERT INTO counters (value) VALUES (0) RETURNING id")).longValue();
        RetryOnStaleExample.run(db.blocking().transactionManager(), db.async().transactionManager(), id);
        assertThat(db.query("SELECT value, lock_version FROM counters WHERE id = " + id))
                .containsExactly(List.of(2L, 2));
    }

    @Test
    void operatorsBlockSendsContainmentAndFullTextMatch(TestDatabase db) {
        PostgresBackend backend = db.blocking();
        backend.statementLog().start();
        OperatorsExample.run();
        List<String> sent = backend.statementLog().stop();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).contains("@>");
        assertThat(sent.get(1)).contains("@@");
    }

    @Test
    void schemaBlockBuildsOnAFreshDatabase() {
        try (TestDatabase fresh = TestDatabase.create("readme_schema")) {
            assumeThat(fresh.query("SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gist'"))
                    .as("the block creates the btree_gist extension").isNotEmpty();
            fresh.execute("CREATE TABLE bookings (room_id integer, date_range daterange)");
            SchemaExample.run(fresh.blocking());
            assertThat(fresh.query("SELECT conname FROM pg_constraint WHERE conname = 'no_overlap'")).hasSize(1);
            assertThat(fresh.query("SELECT relname FROM pg_class WHERE relname IN ('users', 'measurements', 'm_2024')"
                    + " ORDER BY relname")).containsExactly(List.of("m_2024"), List.of("measurements"), List.of("users"));
        }
    }

    @Test
    void notificationsBlockDeliversOnTheBlockingBackend(TestDatabase db) throws Exception {
        List<Notification> handled = new ArrayList<>();
        NotificationsExample.blocking(db.blocking(), handled::add);
        assertThat(handled).hasSize(1);
        Notification n = handled.get(0);
        assertThat(n).as("received within the block's 10 seconds").isNotNull();
        assertThat(n.channel()).isEqualTo("orders");
        assertThat(n.payload()).isEqualTo("{\"id\":1}");
        assertThat(n.missed()).isFalse();
    }
}
