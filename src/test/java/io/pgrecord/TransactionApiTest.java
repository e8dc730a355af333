package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.error.StaleRecordException;
import io.pgrecord.error.TransactionException;
import io.pgrecord.models.Account;
import io.pgrecord.models.AsyncAccount;
import io.pgrecord.models.AsyncCounter;
import io.pgrecord.models.AsyncUser;
import io.pgrecord.models.Counter;
import io.pgrecord.models.Schema;
import io.pgrecord.models.User;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Retries under SERIALIZABLE, commit visibility, and the explicit transaction API. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class TransactionApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
        db.execute("CREATE TABLE transfers (id int PRIMARY KEY, amount int NOT NULL)",
                "CREATE TABLE counters (id bigint PRIMARY KEY, value bigint NOT NULL, lock_version int NOT NULL)");
    }

    /**
     * One read-increment-save of a @Version counter in {@code inTransaction(options, ...)};
     * {@code between} runs after the read and before the save.
     */
    private static void increment(Exec exec, TestDatabase db, TransactionOptions options, long id, AtomicInteger attempts,
            Runnable between) {
        if (exec == Exec.JDBC) {
            db.blocking().transactionManager().inTransaction(options, () -> {
                attempts.incrementAndGet();
                Counter c = Counter.find.using(db.blocking()).getById(id);
                between.run();
                c.value++;
                c.save();
            });
        } else {
            db.async().transactionManager().inTransaction(options, () -> {
                attempts.incrementAndGet();
                return AsyncCounter.find.using(db.async()).getById(id).flatMap(c -> {
                    between.run();
                    c.value++;
                    return c.save();
                });
            }).blockLast(WAIT);
        }
    }

    /** Another writer's change of the row, which makes the save of what was read before it stale. */
    private static Runnable otherWriter(TestDatabase db, long id) {
        return () -> db.execute("UPDATE counters SET value = value + 10, lock_version = lock_version + 1 WHERE id = " + id);
    }

    /** retryOnStale: a stale save rolls back, and the work runs again, reading the row anew; no update is lost. */
    @BothBackends
    void staleSaveIsRetriedWithRetryOnStale(Exec exec, TestDatabase db) {
        long id = exec == Exec.JDBC ? 101 : 102;
        db.execute("INSERT INTO counters VALUES (" + id + ", 0, 0)");
        AtomicInteger attempts = new AtomicInteger();
        Runnable writer = otherWriter(db, id);
        increment(exec, db, TransactionOptions.defaults().retries(3).retryOnStale(true), id, attempts, () -> {
            if (attempts.get() == 1) {
                writer.run();
            }
        });
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(db.queryValue("SELECT value FROM counters WHERE id = " + id)).isEqualTo(11L);
        assertThat(db.queryValue("SELECT lock_version FROM counters WHERE id = " + id)).isEqualTo(2);
    }

    /** Without retryOnStale a stale save is not retried; with it, the last one is thrown once retries run out. */
    @BothBackends
    void staleSaveRetriesAreOptInAndBounded(Exec exec, TestDatabase db) {
        long id = exec == Exec.JDBC ? 103 : 104;
        db.execute("INSERT INTO counters VALUES (" + id + ", 0, 0)");
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> increment(exec, db, TransactionOptions.defaults().retries(3), id, attempts, otherWriter(db, id)))
                .isInstanceOf(StaleRecordException.class);
        assertThat(attempts.get()).isEqualTo(1);

        attempts.set(0);
        TransactionOptions options = TransactionOptions.defaults().retries(2).retryOnStale(true);
        assertThat(options.isRetryOnStale()).isTrue();
        assertThat(options.retryOnStale(false).isRetryOnStale()).isFalse();
        assertThatThrownBy(() -> increment(exec, db, options, id, attempts, otherWriter(db, id)))
                .isInstanceOf(StaleRecordException.class);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(db.queryValue("SELECT value FROM counters WHERE id = " + id)).as("only the other writer's").isEqualTo(40L);
    }

    @BothBackends
    void serializableTransfersWithRetriesKeepTheTotal(Exec exec, TestDatabase db) throws Exception {
        String owner = "acct-" + exec + "-";
        db.execute("INSERT INTO accounts (owner, balance) SELECT '" + owner + "' || i, 1000 FROM generate_series(1, 5) i");
        List<Object> ids = db.query("SELECT id FROM accounts WHERE owner LIKE '" + owner + "%' ORDER BY id").stream()
                .map(r -> r.get(0)).toList();
        int base = exec == Exec.JDBC ? 0 : 100;
        int transfers = 20;
        AtomicInteger attempts = new AtomicInteger();
        TransactionOptions options = TransactionOptions.serializable().retries(30);
        if (exec == Exec.JDBC) {
            TransactionManager tm = db.blocking().transactionManager();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < transfers; i++) {
                int n = i;
                done.add(pool.submit(() -> tm.inTransaction(options, () -> {
                    attempts.incrementAndGet();
                    Account from = Account.find.using(db.blocking()).getById(ids.get(n % 5));
                    Account to = Account.find.using(db.blocking()).getById(ids.get((n + 1) % 5));
                    from.balance -= n + 1;
                    to.balance += n + 1;
                    from.save();
                    to.save();
                    db.blocking().dsl().execute("INSERT INTO transfers VALUES (?, ?)", base + n, n + 1);
                })));
            }
            for (Future<?> f : done) {
                f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            pool.shutdown();
        } else {
            AsyncTransactionManager tm = db.async().transactionManager();
            Flux.range(0, transfers).flatMap(n -> tm.inTransaction(options, dsl -> {
                attempts.incrementAndGet();
                return Mono.zip(AsyncAccount.find.using(db.async()).getById(ids.get(n % 5)),
                                AsyncAccount.find.using(db.async()).getById(ids.get((n + 1) % 5)))
                        .flatMap(pair -> {
                            pair.getT1().balance -= n + 1;
                            pair.getT2().balance += n + 1;
                            return pair.getT1().save().then(pair.getT2().save());
                        })
                        .then(Mono.from(dsl.query("INSERT INTO transfers VALUES (?, ?)", base + n, n + 1)));
            }), 8).blockLast(WAIT);
        }
        assertThat(db.queryValue("SELECT sum(balance) FROM accounts WHERE owner LIKE '" + owner + "%'")).isEqualTo(5000L);
        assertThat(db.queryValue("SELECT count(*) FROM transfers WHERE id >= " + base + " AND id < " + (base + transfers)))
                .isEqualTo((long) transfers);
        long expected = 0;
        for (int n = 0; n < transfers; n++) {
            expected += (n % 5 == 0 ? -(n + 1) : 0) + ((n + 1) % 5 == 0 ? n + 1 : 0);
        }
        assertThat(db.queryValue("SELECT balance FROM accounts WHERE id = " + ids.get(0))).isEqualTo((int) (1000 + expected));
        assertThat(attempts.get()).isGreaterThanOrEqualTo(transfers);
    }

    @Test
    void asyncValueIsEmittedOnlyAfterCommitIsVisible(TestDatabase db) {
        AsyncTransactionManager tm = db.async().transactionManager();
        AtomicReference<Object> seenByOthers = new AtomicReference<>();
        Integer saved = tm.inTransaction(() -> {
            AsyncUser u = new AsyncUser();
            u.name = "visible-after-commit";
            return u.using(db.async()).save();
        }).doOnNext(n -> seenByOthers.set(db.queryValue("SELECT count(*) FROM users WHERE name = 'visible-after-commit'")))
                .blockLast(WAIT);
        assertThat(saved).isEqualTo(1);
        assertThat(seenByOthers.get()).isEqualTo(1L);
    }

    @Test
    @SuppressWarnings("try") // the transaction is opened for its scope only
    void blockingTransactionIsBoundToItsThread(TestDatabase db) throws Exception {
        PostgresBackend b = db.blocking();
        TransactionManager tm = b.transactionManager();
        try (Transaction tx = tm.begin()) {
            User u = new User().using(b);
            u.name = "thread-bound";
            u.save();
            assertThat(b.dsl().fetchValue("SELECT count(*) FROM users WHERE name = 'thread-bound'")).isEqualTo(1L);
            ExecutorService other = Executors.newSingleThreadExecutor();
            Object fromOtherThread = other.submit(() -> b.dsl().fetchValue("SELECT count(*) FROM users WHERE name = 'thread-bound'"))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            other.shutdown();
            assertThat(fromOtherThread).isEqualTo(0L);
            assertThat(tm.isActive()).isTrue();
            // close() without commit rolls back
        }
        assertThat(tm.isActive()).isFalse();
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name = 'thread-bound'")).isEqualTo(0L);

        tm.begin();
        User v = new User().using(b);
        v.name = "explicit-commit";
        v.save();
        tm.commit();
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name = 'explicit-commit'")).isEqualTo(1L);
    }

    @Test
    void blockingLogShowsTheBeginFormAndSavepoints(TestDatabase db) {
        PostgresBackend b = db.blocking();
        TransactionManager tm = b.transactionManager();
        b.statementLog().start();
        tm.inTransaction(TransactionOptions.serializable().readOnly(true).deferrable(true), () -> {
            Savepoint sp = tm.savepoint("probe");
            b.dsl().fetchValue("SELECT 1");
            tm.releaseSavepoint(sp);
            tm.inTransaction(() -> b.dsl().fetchValue("SELECT 2"));
        });
        List<String> sent = b.statementLog().stop();
        assertThat(sent.get(0)).isEqualTo("BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE");
        assertThat(sent).contains("SAVEPOINT \"probe\"", "RELEASE SAVEPOINT \"probe\"", "SAVEPOINT \"pgrecord_level_1\"",
                "RELEASE SAVEPOINT \"pgrecord_level_1\"");
        assertThat(sent.get(sent.size() - 1)).isEqualTo("COMMIT");
    }

    @Test
    void misuseRaisesTransactionException(TestDatabase db) {
        TransactionManager tm = db.blocking().transactionManager();
        assertThatThrownBy(tm::commit).isInstanceOf(TransactionException.class).hasMessageContaining("no transaction");
        assertThatThrownBy(tm::rollback).isInstanceOf(TransactionException.class);
        assertThatThrownBy(tm::savepoint).isInstanceOf(TransactionException.class);
        assertThatThrownBy(tm::deferAllConstraints).isInstanceOf(TransactionException.class);
        tm.setIsolationLevel(IsolationLevel.REPEATABLE_READ);
        try (Transaction tx = tm.begin()) {
            assertThat(db.blocking().dsl().fetchValue("SHOW transaction_isolation")).isEqualTo("repeatable read");
            assertThatThrownBy(() -> tm.setIsolationLevel(IsolationLevel.SERIALIZABLE)).isInstanceOf(TransactionException.class);
            assertThatThrownBy(() -> tm.setReadOnly(true)).isInstanceOf(TransactionException.class);
            assertThatThrownBy(() -> tm.setDeferrable(true)).isInstanceOf(TransactionException.class);
            Savepoint sp = tm.savepoint();
            tm.releaseSavepoint(sp);
            assertThatThrownBy(() -> tm.releaseSavepoint(sp)).isInstanceOf(TransactionException.class)
                    .hasMessageContaining("unknown savepoint");
            assertThatThrownBy(() -> tm.rollbackToSavepoint(sp)).isInstanceOf(TransactionException.class);
            Transaction inner = tm.begin();
            assertThat(inner.isNested()).isTrue();
            assertThatThrownBy(tx::commit).isInstanceOf(TransactionException.class).hasMessageContaining("inner");
            inner.commit();
            assertThatThrownBy(inner::commit).isInstanceOf(TransactionException.class);
            tx.commit();
        } finally {
            tm.setIsolationLevel(null);
        }
        assertThat(db.blocking().dsl().fetchValue("SHOW transaction_isolation")).isEqualTo("read committed");
    }

    @Test
    void asyncSettersRefuseWhileATransactionIsOpen(TestDatabase db) {
        AsyncPostgresBackend b = db.async();
        AsyncTransactionManager tm = b.transactionManager();
        tm.setIsolationLevel(IsolationLevel.REPEATABLE_READ);
        try {
            String level = tm.inTransaction(dsl -> Mono.from(dsl.resultQuery("SHOW transaction_isolation"))
                    .map(r -> r.get(0, String.class))
                    .doOnNext(l -> assertThatThrownBy(() -> tm.setIsolationLevel(IsolationLevel.SERIALIZABLE))
                            .isInstanceOf(TransactionException.class).hasMessageContaining("isolation level")))
                    .blockLast(WAIT);
            assertThat(level).isEqualTo("repeatable read");
            AsyncTransaction tx = tm.begin().block(WAIT);
            assertThatThrownBy(() -> tm.setReadOnly(true)).isInstanceOf(TransactionException.class);
            assertThatThrownBy(() -> tm.setDeferrable(true)).isInstanceOf(TransactionException.class);
            tx.rollback().block(WAIT);
            assertThatThrownBy(() -> tm.inTransaction(() -> Mono.fromRunnable(() -> tm.setReadOnly(true))).blockLast(WAIT))
                    .isInstanceOf(TransactionException.class);
        } finally {
            tm.setIsolationLevel(null);
        }
        assertThat(Mono.from(b.dsl().resultQuery("SHOW transaction_isolation")).map(r -> r.get(0, String.class)).block(WAIT))
                .isEqualTo("read committed");
    }

    @Test
    void asyncExplicitHandleWithSavepoints(TestDatabase db) {
        AsyncPostgresBackend b = db.async();
        AsyncTransactionManager tm = b.transactionManager();
        tm.begin().flatMap(tx -> tx.run(() -> named(b, "h-a").save())
                        .then(tx.savepoint())
                        .flatMap(sp -> tx.run(() -> named(b, "h-b").save()).then(tx.rollbackToSavepoint(sp)))
                        .then(tx.run(() -> named(b, "h-c").save()).then())
                        .then(tx.commit()))
                .block(WAIT);
        assertThat(db.query("SELECT name FROM users WHERE name LIKE 'h-%' ORDER BY name").stream().map(r -> r.get(0)))
                .containsExactly("h-a", "h-c");

        tm.begin().flatMap(tx -> tx.run(() -> named(b, "h-rolled").save()).then(tx.rollback())
                        .then(tx.commit().onErrorResume(TransactionException.class, e -> Mono.empty())))
                .block(WAIT);
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name = 'h-rolled'")).isEqualTo(0L);
        assertThatThrownBy(() -> tm.savepoint().block(WAIT)).isInstanceOf(TransactionException.class);

        b.statementLog().start();
        tm.inTransaction(TransactionOptions.repeatableRead().readOnly(true), dsl -> Mono.from(dsl.selectOne())).blockLast(WAIT);
        assertThat(b.statementLog().stop()).first().isEqualTo("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }

    /**
     * Raw {@code async.dsl()} publishers, single statements and batches, join the transaction
     * they are subscribed in, whichever way it was opened: they see its settings and its
     * uncommitted rows, and roll back with it.
     */
    @Test
    void rawDslPublishersJoinTheReactiveTransaction(TestDatabase db) {
        AsyncPostgresBackend b = db.async();
        AsyncTransactionManager tm = b.transactionManager();
        org.jooq.DSLContext dsl = b.dsl();
        db.execute("CREATE TABLE raw_joins (id int PRIMARY KEY, note text)");
        org.jooq.Table<?> t = org.jooq.impl.DSL.table("raw_joins");
        org.jooq.Field<Integer> id = org.jooq.impl.DSL.field("id", Integer.class);
        org.jooq.Field<String> note = org.jooq.impl.DSL.field("note", String.class);
        java.util.function.Function<String, Mono<String>> show = sql -> Mono.from(dsl.resultQuery(sql)).map(r -> r.get(0, String.class));
        Mono<Long> count = Mono.from(dsl.selectCount().from(t)).map(r -> r.value1().longValue());

        // begin + run: the transaction's settings, and an insert that rolls back with it
        List<String> seen = tm.begin(TransactionOptions.serializable().readOnly(true))
                .flatMap(tx -> tx.run(() -> Flux.concat(show.apply("SHOW transaction_isolation"),
                                show.apply("SHOW transaction_read_only"))).collectList()
                        .flatMap(v -> tx.rollback().thenReturn(v)))
                .block(WAIT);
        assertThat(seen).containsExactly("serializable", "on");
        List<Long> counts = tm.begin().flatMap(tx -> tx.run(() -> Mono.from(dsl.insertInto(t, id, note).values(1, "begun"))
                        .then(count).doOnNext(n -> assertThat(db.queryValue("SELECT count(*) FROM raw_joins"))
                                .as("uncommitted, invisible outside").isEqualTo(0L))).collectList()
                        .flatMap(v -> tx.rollback().thenReturn(v)))
                .block(WAIT);
        assertThat(counts).containsExactly(1L);
        assertThat(db.queryValue("SELECT count(*) FROM raw_joins")).isEqualTo(0L);

        // inTransaction(() -> ...): batches of both kinds join, and roll back on an error
        IllegalStateException boom = new IllegalStateException("roll back");
        assertThatThrownBy(() -> tm.inTransaction(() -> Mono.from(dsl.batch(
                                dsl.insertInto(t, id, note).values(2, "static"), dsl.insertInto(t, id, note).values(3, "static")))
                        .then(Mono.from(dsl.batch(dsl.insertInto(t, id, note).values((Integer) null, null))
                                .bind(4, "bound").bind(5, "bound")))
                        .then(count)
                        .doOnNext(n -> assertThat(n).as("the batches' rows, seen inside").isEqualTo(4L))
                        .then(Mono.error(boom)))
                .blockLast(WAIT)).isSameAs(boom);
        assertThat(db.queryValue("SELECT count(*) FROM raw_joins")).isEqualTo(0L);

        // inTransaction(dsl -> ...) using the backend's dsl(), a nested savepoint rolled back,
        // and repeatable read seen by the raw query
        Long kept = tm.inTransaction(TransactionOptions.repeatableRead(), given -> show.apply("SHOW transaction_isolation")
                .doOnNext(level -> assertThat(level).isEqualTo("repeatable read"))
                .then(Mono.from(dsl.insertInto(t, id, note).values(6, "kept")))
                .then(tm.inTransaction(() -> Mono.from(dsl.insertInto(t, id, note).values(7, "savepoint"))
                        .then(Mono.error(boom))).then().onErrorResume(e -> e == boom, e -> Mono.empty()))
                .then(count)).blockLast(WAIT);
        assertThat(kept).isEqualTo(1L);
        assertThat(db.query("SELECT id FROM raw_joins").stream().map(r -> r.get(0))).containsExactly(6);

        // after the end, a raw publisher still carrying the transaction's context is refused:
        // the connection is back in the pool
        AsyncTransaction ended = tm.begin().block(WAIT);
        ended.commit().block(WAIT);
        assertThatThrownBy(() -> ended.run(() -> count).blockLast(WAIT)).isInstanceOf(TransactionException.class)
                .hasMessageContaining("already ended");

        // outside any transaction the same publishers take pooled connections, autocommitted
        assertThat(show.apply("SHOW transaction_isolation").block(WAIT)).isEqualTo("read committed");
        assertThat(Mono.from(dsl.batch(dsl.deleteFrom(t))).block(WAIT)).isEqualTo(1);
        assertThat(db.queryValue("SELECT count(*) FROM raw_joins")).isEqualTo(0L);
    }

    /**
     * Blocking handles: a savepoint made before a nested level cannot be rolled back to or
     * released while the level is open, before any SQL; once the level ends it can, and the
     * transaction finishes, leaving the thread and the pool free.
     */
    @Test
    void blockingSavepointOutsideAnOpenNestedHandleIsRefused(TestDatabase db) {
        PostgresBackend b = db.blocking();
        TransactionManager tm = b.transactionManager();
        Transaction outer = tm.begin();
        try {
            User kept = new User().using(b);
            kept.name = "sp-handle-kept";
            kept.save();
            Savepoint sp = tm.savepoint("before_level");
            Transaction inner = tm.begin();
            User dropped = new User().using(b);
            dropped.name = "sp-handle-dropped";
            dropped.save();
            b.statementLog().start();
            assertThatThrownBy(() -> tm.rollbackToSavepoint(sp)).isInstanceOf(TransactionException.class)
                    .hasMessageContaining("finish the nested transaction pgrecord_level_1 first");
            assertThatThrownBy(() -> tm.releaseSavepoint(sp)).isInstanceOf(TransactionException.class)
                    .hasMessageContaining("finish the nested transaction pgrecord_level_1 first");
            assertThat(b.statementLog().stop()).isEmpty();
            inner.commit();
            tm.rollbackToSavepoint(sp);
            assertThat(dropped.isNew()).isTrue();
            outer.commit();
        } finally {
            outer.close();
        }
        assertThat(tm.isActive()).isFalse();
        assertThat(b.poolStats().active()).isZero();
        assertThat(db.query("SELECT name FROM users WHERE name LIKE 'sp-handle-%'").stream().map(r -> r.get(0)))
                .containsExactly("sp-handle-kept");
    }

    /**
     * Work that throws instead of returning its publisher fails like work whose publisher
     * errors: the same instance, the transaction or level rolled back and ended, and the
     * manager counts no open transaction, so its setters work again.
     */
    @Test
    void asyncWorkThatThrowsWhenCalledRollsBackAndEnds(TestDatabase db) {
        AsyncPostgresBackend b = db.async();
        AsyncTransactionManager tm = b.transactionManager();
        IllegalStateException boom = new IllegalStateException("thrown, not signalled");
        assertThatThrownBy(() -> tm.inTransaction(() -> {
            throw boom;
        }).blockLast(WAIT)).isSameAs(boom);
        assertThatThrownBy(() -> tm.inTransaction(dsl -> {
            throw boom;
        }).blockLast(WAIT)).isSameAs(boom);
        tm.setIsolationLevel(IsolationLevel.REPEATABLE_READ);
        tm.setIsolationLevel(null);

        // nested: the level rolls back alone, and the next level opens and commits
        tm.inTransaction(() -> named(b, "throwing-outer").save()
                .then(tm.inTransaction(() -> {
                    throw boom;
                }).then().onErrorResume(e -> e == boom, e -> Mono.empty()))
                .then(tm.inTransaction(() -> named(b, "throwing-next-level").save()).then())).blockLast(WAIT);
        assertThat(db.query("SELECT name FROM users WHERE name LIKE 'throwing-%' ORDER BY name").stream().map(r -> r.get(0)))
                .containsExactly("throwing-next-level", "throwing-outer");

        // a handle's run: the error is the work's; the transaction stays open for the caller to end
        AsyncTransaction tx = tm.begin().block(WAIT);
        assertThatThrownBy(() -> tx.run(() -> {
            throw boom;
        }).blockLast(WAIT)).isSameAs(boom);
        assertThat(tx.isActive()).isTrue();
        tx.run(() -> named(b, "throwing-handle").save()).then(tx.commit()).block(WAIT);
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name = 'throwing-handle'")).isEqualTo(1L);
    }

    /**
     * Model work run through a handle whose transaction has ended, and statements of its
     * dsl(), are refused before any SQL, as raw statements subscribed in it are: its connection
     * is back in the pool, maybe in another transaction.
     */
    @Test
    void asyncModelWorkThroughAFinishedHandleIsRefused(TestDatabase db) {
        AsyncPostgresBackend b = db.async();
        AsyncTransactionManager tm = b.transactionManager();
        AsyncTransaction committed = tm.begin().block(WAIT);
        committed.commit().block(WAIT);
        AsyncTransaction rolledBack = tm.begin().block(WAIT);
        rolledBack.rollback().block(WAIT);
        AsyncUser late = named(b, "late-after-end");
        b.statementLog().start();
        for (AsyncTransaction ended : List.of(committed, rolledBack)) {
            assertThatThrownBy(() -> ended.run(() -> late.save()).blockLast(WAIT)).isInstanceOf(TransactionException.class)
                    .hasMessageContaining("already ended");
            assertThatThrownBy(() -> ended.run(() -> AsyncUser.find.using(b).where("name = ?", "late-after-end").count())
                    .blockLast(WAIT)).isInstanceOf(TransactionException.class).hasMessageContaining("already ended");
            // and raw jOOQ on the handle's own DSLContext
            assertThatThrownBy(() -> Mono.from(ended.dsl().selectOne()).block(WAIT)).isInstanceOf(TransactionException.class)
                    .hasMessageContaining("already ended");
        }
        assertThat(b.statementLog().stop()).isEmpty();
        assertThat(late.isNew()).isTrue();
        assertThat(db.queryValue("SELECT count(*) FROM users WHERE name = 'late-after-end'")).isEqualTo(0L);
    }

    private static AsyncUser named(AsyncPostgresBackend b, String name) {
        AsyncUser u = new AsyncUser().using(b);
        u.name = name;
        return u;
    }
}
