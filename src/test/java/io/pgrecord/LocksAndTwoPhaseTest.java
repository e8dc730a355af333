package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.error.TransactionException;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

@ExtendWith(PgExtension.class)
@Tag("matrix")
class LocksAndTwoPhaseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void schema(TestDatabase db) {
        db.execute("CREATE TABLE ledger (id int PRIMARY KEY, note text)");
    }

    private static boolean freeElsewhere(Connection other, long key) throws Exception {
        try (Statement s = other.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + key + ")")) {
            rs.next();
            boolean got = rs.getBoolean(1);
            if (got) {
                s.execute("SELECT pg_advisory_unlock(" + key + ")");
            }
            return got;
        }
    }

    @BothBackends
    void advisoryLocksExcludeOtherSessions(Exec exec, TestDatabase db) throws Exception {
        long key = exec == Exec.JDBC ? 4242L : 4343L;
        try (Connection other = db.jdbc()) {
            if (exec == Exec.JDBC) {
                try (AdvisoryLock lock = db.blocking().advisoryLock(key)) {
                    assertThat(lock.key()).isEqualTo(key);
                    assertThat(freeElsewhere(other, key)).isFalse();
                }
                assertThat(freeElsewhere(other, key)).isTrue();
                try (Statement s = other.createStatement()) {
                    s.execute("SELECT pg_advisory_lock(" + key + ")");
                    assertThat(db.blocking().tryAdvisoryLock(key)).isEmpty();
                    s.execute("SELECT pg_advisory_unlock(" + key + ")");
                }
                db.blocking().tryAdvisoryLock(key).orElseThrow().close();
            } else {
                AsyncPostgresBackend b = db.async();
                AsyncAdvisoryLock lock = b.advisoryLock(key).block(WAIT);
                assertThat(freeElsewhere(other, key)).isFalse();
                lock.release().block(WAIT);
                assertThat(freeElsewhere(other, key)).isTrue();
                try (Statement s = other.createStatement()) {
                    s.execute("SELECT pg_advisory_lock(" + key + ")");
                    assertThat(b.tryAdvisoryLock(key).block(WAIT)).isNull();
                    s.execute("SELECT pg_advisory_unlock(" + key + ")");
                }
                Boolean heldInside = b.withAdvisoryLock(key, () -> Mono.fromCallable(() -> !freeElsewhere(other, key))).blockLast(WAIT);
                assertThat(heldInside).isTrue();
                assertThat(freeElsewhere(other, key)).isTrue();
            }
        }
    }

    @BothBackends
    @SuppressWarnings("try") // the transaction is opened for its scope only
    void twoPhaseCommit(Exec exec, TestDatabase db) {
        int id = exec == Exec.JDBC ? 1 : 2;
        String commitGid = "gid-commit-" + exec;
        String rollbackGid = "gid-rollback-" + exec;
        if (exec == Exec.JDBC) {
            TransactionManager tm = db.blocking().transactionManager();
            try (Transaction tx = tm.begin()) {
                db.blocking().dsl().execute("INSERT INTO ledger VALUES (?, 'prepared')", id);
                tx.prepare(commitGid);
            }
            tm.begin();
            db.blocking().dsl().execute("INSERT INTO ledger VALUES (?, 'discarded')", id + 10);
            tm.prepare(rollbackGid);
            assertThat(tm.isActive()).isFalse();
            assertThat(tm.preparedTransactions()).contains(commitGid, rollbackGid);
            assertThat(db.queryValue("SELECT count(*) FROM ledger WHERE id IN (" + id + ", " + (id + 10) + ")")).isEqualTo(0L);
            tm.commitPrepared(commitGid);
            tm.rollbackPrepared(rollbackGid);
            try (Transaction tx = tm.begin()) {
                assertThatThrownBy(() -> tm.commitPrepared("x")).isInstanceOf(TransactionException.class);
            }
            assertThat(tm.preparedTransactions()).doesNotContain(commitGid, rollbackGid);
        } else {
            AsyncTransactionManager tm = db.async().transactionManager();
            tm.begin().flatMap(tx -> tx.run(() -> Mono.from(tx.dsl().query("INSERT INTO ledger VALUES (?, 'prepared')", id)))
                    .then(tx.prepare(commitGid))).block(WAIT);
            tm.begin().flatMap(tx -> tx.run(() -> Mono.from(tx.dsl().query("INSERT INTO ledger VALUES (?, 'discarded')", id + 10)))
                    .then(tx.prepare(rollbackGid))).block(WAIT);
            List<String> prepared = tm.preparedTransactions().collectList().block(WAIT);
            assertThat(prepared).contains(commitGid, rollbackGid);
            assertThat(db.queryValue("SELECT count(*) FROM ledger WHERE id IN (" + id + ", " + (id + 10) + ")")).isEqualTo(0L);
            tm.commitPrepared(commitGid).then(tm.rollbackPrepared(rollbackGid)).block(WAIT);
            // inside a transaction it is refused, as on the blocking backend, and nothing runs
            assertThatThrownBy(() -> tm.inTransaction(() -> tm.commitPrepared("x")).blockLast(WAIT))
                    .isInstanceOf(TransactionException.class).hasMessageContaining("inside a transaction");
            assertThat(tm.preparedTransactions().collectList().block(WAIT)).doesNotContain(commitGid, rollbackGid);
        }
        assertThat(db.queryValue("SELECT note FROM ledger WHERE id = " + id)).isEqualTo("prepared");
        assertThat(db.queryValue("SELECT count(*) FROM ledger WHERE id = " + (id + 10))).isEqualTo(0L);
    }

    /**
     * The server's 199-byte limit of a transaction id counts UTF-8 bytes: a longer id is refused
     * before PREPARE TRANSACTION, which would abort the transaction, so it stays open with its work.
     */
    @BothBackends
    void aTransactionIdOfMoreThan199BytesIsRefusedBeforeThePrepare(Exec exec, TestDatabase db) {
        int id = exec == Exec.JDBC ? 30 : 31;
        String wide = "é".repeat(100);                       // 100 characters, 200 bytes
        String widest = "é".repeat(99) + exec.name().charAt(0); // 199 bytes, the most the server takes
        if (exec == Exec.JDBC) {
            TransactionManager tm = db.blocking().transactionManager();
            Transaction tx = tm.begin();
            db.blocking().dsl().execute("INSERT INTO ledger VALUES (?, 'kept')", id);
            assertThatThrownBy(() -> tx.prepare(wide)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("199 bytes");
            assertThatThrownBy(() -> tm.prepare(wide)).isInstanceOf(IllegalArgumentException.class);
            assertThat(tx.isActive()).isTrue();
            tx.prepare(widest);
            assertThat(tm.preparedTransactions()).contains(widest);
            tm.commitPrepared(widest);
        } else {
            AsyncTransactionManager tm = db.async().transactionManager();
            AsyncTransaction tx = tm.begin().block(WAIT);
            tx.run(() -> Mono.from(tx.dsl().query("INSERT INTO ledger VALUES (?, 'kept')", id))).blockLast(WAIT);
            assertThatThrownBy(() -> tx.prepare(wide).block(WAIT)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("199 bytes");
            assertThat(tx.isActive()).isTrue();
            tx.prepare(widest).block(WAIT);
            assertThat(tm.preparedTransactions().collectList().block(WAIT)).contains(widest);
            tm.commitPrepared(widest).block(WAIT);
        }
        assertThat(db.queryValue("SELECT note FROM ledger WHERE id = " + id)).isEqualTo("kept");
    }
}
