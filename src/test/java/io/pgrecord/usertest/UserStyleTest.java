package io.pgrecord.usertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.ActiveRecord;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.test.PgRecordTest;
import io.pgrecord.test.Statements;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A test class written as an application's would be, on the shipped extension only (none of the
 * project's own harness): both backends injected, each test rolled back, statements counted.
 */
// README: testing-begin
@PgRecordTest(rollback = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserStyleTest {

    @BeforeAll
    static void setUp(PostgresBackend backend, AsyncPostgresBackend async) {
        backend.schema().createTable(Book.class);          // or run your Flyway migrations here
        ActiveRecord.configure(backend, Book.class);
        AsyncActiveRecord.configure(async, AsyncBook.class);
        Book.titled("Dune").save();                        // @BeforeAll work is committed
    }

    @Test
    @Order(1)
    void aSaveIsSeenInItsOwnTransactionOnly(AsyncPostgresBackend async) {
        Book.titled("Emma").save();
        assertThat(Book.find.count()).isEqualTo(2);
        // the reactive backend runs on other connections: it sees committed rows only
        assertThat(AsyncBook.find.count().block(Duration.ofSeconds(10))).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theSaveOfTheTestBeforeWasRolledBack() {
        assertThat(Book.find.where("title = ?", "Emma").all()).isEmpty();
        assertThat(Book.find.count()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void statementCounts(PostgresBackend backend, AsyncPostgresBackend async) {
        assertThat(Statements.during(backend, () -> {
            Book.titled("Ulysses").save();
            Book.find.where("title = ?", "Ulysses").first();
        })).hasSize(2);
        assertThat(Statements.during(async, () -> AsyncBook.find.count())).hasSize(1);
    }
}
// README: testing-end
