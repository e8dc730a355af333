package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import io.pgrecord.models.AsyncNote;
import io.pgrecord.models.Note;
import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

@ExtendWith(PgExtension.class)
@Tag("matrix")
class BackendLifecycleTest {

    @Test
    void blockingBackendConnectsOnFirstUse(TestDatabase db) {
        try (PostgresBackend backend = new PostgresBackend(db.config())) {
            assertThat(backend.dsl().fetchValue("SELECT 1")).isEqualTo(1);
            assertThat(backend.serverVersion().major()).isGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void blockingBackendRefusesUseAfterClose(TestDatabase db) {
        PostgresBackend backend = new PostgresBackend(db.config()).connect();
        backend.close();
        backend.close();
        assertThat(backend.isClosed()).isTrue();
        assertThatThrownBy(backend::dsl).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** close() is for good on the reactive backend too: a closed backend that reopened would leak the pool it opened. */
    @Test
    void asyncBackendRefusesUseAfterClose(TestDatabase db) {
        AsyncPostgresBackend backend = new AsyncPostgresBackend(db.config());
        backend.connect().block(Duration.ofSeconds(30));
        backend.close();
        backend.close();
        assertThatThrownBy(() -> backend.connect().block(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessage("backend is closed");
        assertThatThrownBy(backend::dsl).isInstanceOf(IllegalStateException.class).hasMessage("backend is closed");
        assertThatThrownBy(() -> backend.notify("lifecycle", "p").block(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessage("backend is closed");
    }

    @Test
    void asyncBackendNeedsConnectForVersionButNotForDsl(TestDatabase db) {
        AsyncPostgresBackend backend = new AsyncPostgresBackend(db.config());
        try {
            assertThatThrownBy(backend::serverVersion).isInstanceOf(IllegalStateException.class)
                    .hasMessage("call connect() first");
            assertThatThrownBy(backend::capabilities).isInstanceOf(IllegalStateException.class);
            Integer one = Mono.from(backend.dsl().select(DSL.inline(1))).map(r -> r.value1()).block(Duration.ofSeconds(30));
            assertThat(one).isEqualTo(1);
            backend.connect().block(Duration.ofSeconds(30));
            backend.connect().block(Duration.ofSeconds(30));
            assertThat(backend.serverVersion()).isEqualTo(db.blocking().serverVersion());
            backend.disconnect().block(Duration.ofSeconds(30));
            assertThatThrownBy(backend::serverVersion).isInstanceOf(IllegalStateException.class);
            backend.connect().block(Duration.ofSeconds(30));
            assertThat(backend.capabilities().serverVersion()).isEqualTo(backend.serverVersion());
        } finally {
            backend.close();
        }
    }

    /**
     * close() lets the work in flight on another thread finish, here a transaction to its
     * commit (the blocking one aborted it with a ConnectionException): the blocking backend
     * refuses new work at once and waits for it before closing the pool, the reactive one closes
     * the connection once given back.
     */
    @BothBackends
    void closeLetsTheWorkInFlightOnAnotherThreadFinish(Exec exec, TestDatabase db) throws Exception {
        long key = 7_300_100 + exec.ordinal();
        String table = "close_in_flight_" + exec.name().toLowerCase();
        db.execute("CREATE TABLE " + table + " (v text)");
        PostgresBackend blocking = exec == Exec.JDBC ? new PostgresBackend(db.config()).connect() : null;
        AsyncPostgresBackend async = exec == Exec.R2DBC ? new AsyncPostgresBackend(db.config()) : null;
        AnyBackend backend = blocking != null ? AnyBackend.of(blocking) : AnyBackend.of(async);
        CompletableFuture<Void> work = new CompletableFuture<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try (Connection holder = db.jdbc(); Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + key + ")");
            // its own threads, not the common pool: close() and the transaction block
            new Thread(() -> complete(work, () -> backend.transaction("SELECT pg_advisory_xact_lock(" + key + ")",
                    "INSERT INTO " + table + " VALUES ('committed')")), "in-flight").start();
            awaitRow(db, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = " + key);
            new Thread(() -> complete(closed, blocking != null ? blocking::close : async::close), "closer").start();
            if (blocking != null) {
                await(blocking::isClosed);
                assertThatThrownBy(() -> backend.fetchValue("SELECT 1")).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("closed");
                assertThat(closed).as("the blocking close() waits for the transaction in flight").isNotDone();
            }
            s.execute("SELECT pg_advisory_unlock(" + key + ")");
            work.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        assertThat(db.query("SELECT v FROM " + table)).containsExactly(List.of("committed"));
    }

    /**
     * A transaction of pgrecord's own manager that close() finds running runs its remaining
     * statements and commits, while new work is refused: the reactive close() returns at once,
     * the blocking one waits for it.
     */
    @BothBackends
    void closeLetsATransactionInFlightRunItsStatementsAndCommit(Exec exec, TestDatabase db) throws Exception {
        long key = 7_300_200 + exec.ordinal();
        String tag = "in-flight " + exec.name().toLowerCase();
        String lock = "SELECT pg_advisory_xact_lock(" + key + ")";
        notesTable(db);
        PostgresBackend blocking = exec == Exec.JDBC ? new PostgresBackend(db.config()).connect() : null;
        AsyncPostgresBackend async = exec == Exec.R2DBC ? new AsyncPostgresBackend(db.config()) : null;
        // the first insert, then a wait on the lock the test holds, then the second insert
        Runnable transaction = blocking != null
                ? () -> blocking.transactionManager().inTransaction(() -> {
                    note(blocking, tag + " first").save();
                    blocking.dsl().fetch(lock);
                    note(blocking, tag + " second").save();
                })
                : () -> async.transactionManager().inTransaction(dsl -> asyncNote(async, tag + " first").save()
                        .then(Mono.from(dsl.resultQuery(lock)))
                        .then(asyncNote(async, tag + " second").save())).blockLast(WAIT);
        Runnable newWork = blocking != null ? () -> Note.find.using(blocking).count()
                : () -> AsyncNote.find.using(async).count().block(WAIT);
        Runnable newTransaction = blocking != null ? () -> blocking.transactionManager().inTransaction(() -> { })
                : () -> async.transactionManager().inTransaction(() -> Mono.just(1)).blockLast(WAIT);
        CompletableFuture<Void> work = new CompletableFuture<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try (Connection holder = db.jdbc(); Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + key + ")");
            new Thread(() -> complete(work, transaction), "in-flight").start();
            awaitRow(db, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = " + key);
            new Thread(() -> complete(closed, blocking != null ? blocking::close : async::close), "closer").start();
            if (blocking != null) {
                await(blocking::isClosed);
                assertThat(closed).as("the blocking close() waits for the transaction in flight").isNotDone();
            } else {
                // the reactive close() returns once the idle connections are closed
                closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            assertThatThrownBy(newWork::run).isInstanceOf(IllegalStateException.class).hasMessage("backend is closed");
            assertThatThrownBy(newTransaction::run).isInstanceOf(IllegalStateException.class).hasMessage("backend is closed");
            assertThat(work).as("the transaction in flight still runs").isNotDone();
            s.execute("SELECT pg_advisory_unlock(" + key + ")");
            work.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        assertThat(db.query("SELECT body FROM notes WHERE body LIKE '" + tag + "%' ORDER BY id"))
                .containsExactly(List.of(tag + " first"), List.of(tag + " second"));
    }

    /**
     * Reactive only (a blocking caller waiting for a connection is the thread's own, whose close
     * waits): subscribers still waiting for a connection of the pool when close() comes get the
     * closed backend's error, not the pool's shutdown.
     */
    @Test
    void asyncCloseTellsTheSubscribersWaitingForAConnectionTheBackendIsClosed(TestDatabase db) throws Exception {
        long key = 7_300_300;
        int waiting = 21;
        notesTable(db);
        AsyncPostgresBackend async = new AsyncPostgresBackend(db.configBuilder().poolMaxSize(1).poolTimeout(WAIT).build());
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        CompletableFuture<Long> held;
        try (Connection holder = db.jdbc(); Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + key + ")");
            // the pool's one connection, held by a transaction waiting on the test's lock
            held = async.transactionManager().inTransaction(dsl -> Mono.from(dsl.resultQuery(
                    "SELECT pg_advisory_xact_lock(" + key + ")")).thenReturn(1L)).next().toFuture();
            awaitRow(db, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = " + key);
            // statements of the pool, raw and of models, and transactions, which take a connection of their own
            for (int i = 0; i < waiting; i++) {
                Mono<?> newWork = switch (i % 3) {
                    case 0 -> Mono.from(async.dsl().resultQuery("SELECT 1"));
                    case 1 -> AsyncNote.find.using(async).count();
                    default -> async.transactionManager().inTransaction(() -> Mono.just(1)).next();
                };
                outcomes.add(newWork.map(r -> "done").onErrorResume(e -> Mono.just(e.toString())).toFuture());
            }
            await(() -> async.poolStats().pending() == waiting);
            async.close();
            for (CompletableFuture<String> outcome : outcomes) {
                assertThat(outcome.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .isEqualTo(new IllegalStateException("backend is closed").toString());
            }
            s.execute("SELECT pg_advisory_unlock(" + key + ")");
        }
        assertThat(held.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the transaction that held the connection commits").isEqualTo(1L);
    }

    private static void notesTable(TestDatabase db) {
        db.execute("CREATE TABLE IF NOT EXISTS notes (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                + " body text NOT NULL, deleted_at timestamptz)");
    }

    private static Note note(PostgresBackend backend, String body) {
        Note n = new Note().using(backend);
        n.body = body;
        return n;
    }

    private static AsyncNote asyncNote(AsyncPostgresBackend backend, String body) {
        AsyncNote n = new AsyncNote().using(backend);
        n.body = body;
        return n;
    }

    /** Blocking only: close() inside the thread's own transaction does not wait the pool timeout for it. */
    @Test
    void blockingCloseInsideTheThreadsOwnTransactionDoesNotWaitForIt(TestDatabase db) {
        PostgresBackend backend = new PostgresBackend(db.configBuilder().poolTimeout(Duration.ofSeconds(30)).build()).connect();
        TransactionManager tm = backend.transactionManager();
        tm.begin();
        assertThat(backend.dsl().fetchValue("SELECT 1")).isEqualTo(1);
        // on this thread (a preemptive timeout would close from another)
        assertTimeout(Duration.ofSeconds(10), backend::close);
        assertThat(backend.isClosed()).isTrue();
        // its connection went with the pool: the transaction cannot commit
        assertThatThrownBy(tm::commit).isInstanceOf(RuntimeException.class);
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static void complete(CompletableFuture<Void> done, Runnable action) {
        try {
            action.run();
            done.complete(null);
        } catch (Throwable e) {
            done.completeExceptionally(e);
        }
    }

    private static void awaitRow(TestDatabase db, String sql) throws InterruptedException {
        await(() -> !db.query(sql).isEmpty());
    }

    /** Polls with backoff until the condition holds, failing at the deadline. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long backoff = 5;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + WAIT).isLessThan(deadline);
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 200);
        }
    }

    @BothBackends
    void statementLogCapturesWhatWasSentAndOnlyWhileStarted(Exec exec, TestDatabase db) {
        AnyBackend backend = AnyBackend.open(exec, db.config());
        try (backend) {
            backend.fetchValue("SELECT 'before'");
            StatementLog log = backend.statementLog();
            log.start();
            assertThat(log.isCapturing()).isTrue();
            backend.fetchValue("SELECT 'one'");
            backend.execute(backend.dsl().query("SELECT ?", 2));
            backend.transaction("SELECT 'inside'");
            assertThat(log.statements()).isNotEmpty();
            List<String> sent = log.stop();
            backend.fetchValue("SELECT 'after'");
            assertThat(sent).anySatisfy(s -> assertThat(s).contains("'one'"));
            assertThat(sent).anySatisfy(s -> assertThat(s).contains("'inside'"));
            assertThat(sent).anySatisfy(s -> assertThat(s).containsAnyOf("select $1", "select ?", "SELECT $1", "SELECT ?"));
            assertThat(sent).noneSatisfy(s -> assertThat(s).containsAnyOf("'before'", "'after'", "server_version_num"));
            assertThat(log.stop()).isEmpty();
        }
    }

    @BothBackends
    void noStatementIsLoggedWhenNothingRuns(Exec exec, TestDatabase db) {
        AnyBackend backend = db.on(exec);
        backend.statementLog().start();
        backend.dsl().selectOne().getSQL();
        assertThat(backend.statementLog().stop()).isEmpty();
    }
}
