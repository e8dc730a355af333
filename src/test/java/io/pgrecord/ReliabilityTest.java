package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.error.ConnectionException;
import io.pgrecord.error.StaleRecordException;
import io.pgrecord.models.AsyncCounter;
import io.pgrecord.models.Counter;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Lost updates, killed connections and leaked connections, on both backends. Bounded in count and time. */
@ExtendWith(PgExtension.class)
class ReliabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
        db.execute("CREATE TABLE counters (id bigint PRIMARY KEY, value bigint NOT NULL, lock_version int NOT NULL)",
                "CREATE TABLE load (id int PRIMARY KEY, worker int NOT NULL)");
    }

    private static PostgresConnectionConfig config(TestDatabase db, int poolSize) {
        return db.configBuilder().poolMaxSize(poolSize).poolTimeout(Duration.ofSeconds(30)).build();
    }

    private static void awaitIdle(Supplier<PoolStats> stats) throws InterruptedException {
        for (int i = 0; i < 100 && stats.get().active() > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(stats.get().active()).as("connections still lent out").isZero();
    }

    /**
     * 8 workers x 25 increments of one @Version row, each a read-modify-save that the library
     * re-runs on a stale save ({@code retryOnStale}), with jittered backoff and a bounded number
     * of retries: every save that reported success is in the row, none is lost, and conflicts
     * were retried. Bounded so that it ends well within {@link #WAIT} on a machine twice as slow
     * as CI's (a busy-retry loop with 16 x 200 increments timed out at 120 s under load).
     */
    @BothBackends
    void optimisticLockingLosesNoUpdate(Exec exec, TestDatabase db) throws Exception {
        int workers = 8;
        int increments = 25;
        TransactionOptions optimistic = TransactionOptions.defaults().retries(30).retryOnStale(true);
        long id = exec == Exec.JDBC ? 1 : 2;
        db.execute("INSERT INTO counters VALUES (" + id + ", 0, 0)");
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger saves = new AtomicInteger();
        AtomicInteger exhausted = new AtomicInteger();
        if (exec == Exec.JDBC) {
            try (PostgresBackend b = new PostgresBackend(config(db, workers))) {
                ExecutorService pool = Executors.newFixedThreadPool(workers);
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < increments; i++) {
                            try {
                                b.transactionManager().inTransaction(optimistic, () -> {
                                    attempts.incrementAndGet();
                                    Counter c = Counter.find.using(b).getById(id);
                                    c.value++;
                                    c.save();
                                });
                                saves.incrementAndGet();
                            } catch (StaleRecordException e) {
                                exhausted.incrementAndGet();
                            }
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                pool.shutdown();
                awaitIdle(b::poolStats);
            }
        } else {
            try (AsyncPostgresBackend b = new AsyncPostgresBackend(config(db, workers))) {
                Mono<Void> increment = b.transactionManager().inTransaction(optimistic, () -> {
                            attempts.incrementAndGet();
                            return AsyncCounter.find.using(b).getById(id).flatMap(c -> {
                                c.value++;
                                return c.save();
                            });
                        })
                        .then(Mono.fromRunnable(saves::incrementAndGet))
                        .onErrorResume(StaleRecordException.class, e -> Mono.fromRunnable(exhausted::incrementAndGet))
                        .then();
                Flux.range(0, workers).flatMap(w -> Flux.range(0, increments).concatMap(i -> increment), workers)
                        .blockLast(WAIT);
                awaitIdle(b::poolStats);
            }
        }
        assertThat(saves.get() + exhausted.get()).isEqualTo(workers * increments);
        assertThat(saves.get()).as("increments that succeeded").isPositive();
        assertThat(attempts.get()).as("attempts: conflicts were retried").isGreaterThan(saves.get() + exhausted.get());
        assertThat(db.queryValue("SELECT value FROM counters WHERE id = " + id)).as("no lost update").isEqualTo((long) saves.get());
        assertThat(db.queryValue("SELECT lock_version FROM counters WHERE id = " + id)).isEqualTo(saves.get());
    }

    /** The same guarantee from SERIALIZABLE transactions with retries, and no @Version check. */
    @BothBackends
    void serializableRetriesLoseNoUpdate(Exec exec, TestDatabase db) throws Exception {
        int workers = 8;
        int increments = 25;
        long id = exec == Exec.JDBC ? 11 : 12;
        db.execute("INSERT INTO counters VALUES (" + id + ", 0, 0)");
        TransactionOptions options = TransactionOptions.serializable().retries(200);
        String sql = "UPDATE counters SET value = (SELECT value FROM counters WHERE id = ?) + 1 WHERE id = ?";
        if (exec == Exec.JDBC) {
            try (PostgresBackend b = new PostgresBackend(config(db, 8))) {
                ExecutorService pool = Executors.newFixedThreadPool(workers);
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < increments; i++) {
                            b.transactionManager().inTransaction(options, () -> b.dsl().execute(sql, id, id));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                pool.shutdown();
                awaitIdle(b::poolStats);
            }
        } else {
            try (AsyncPostgresBackend b = new AsyncPostgresBackend(config(db, 8))) {
                Flux.range(0, workers).flatMap(w -> Flux.range(0, increments).concatMap(i ->
                        b.transactionManager().inTransaction(options, dsl -> Mono.from(dsl.query(sql, id, id))).then()),
                        workers).blockLast(WAIT);
                awaitIdle(b::poolStats);
            }
        }
        assertThat(db.queryValue("SELECT value FROM counters WHERE id = " + id)).isEqualTo((long) workers * increments);
    }

    /**
     * Concurrent transactional inserts while every connection of the database is killed three
     * times: what reported success is stored, what failed raised a retryable ConnectionException,
     * no transaction is half-written, and the pool serves again afterwards.
     */
    @BothBackends
    void killedConnectionsLoseNothingAndThePoolRecovers(Exec exec, TestDatabase db) throws Exception {
        int workers = 6;
        int perWorker = 150;
        int base = exec == Exec.JDBC ? 0 : 1_000_000;
        Set<Integer> succeeded = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread killer = new Thread(() -> {
            try {
                for (int round = 0; round < 3 && loading.get(); round++) {
                    Thread.sleep(150);
                    db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String insert = "INSERT INTO load VALUES (?, ?)";
        if (exec == Exec.JDBC) {
            try (PostgresBackend b = new PostgresBackend(config(db, workers))) {
                b.connect();
                ExecutorService pool = Executors.newFixedThreadPool(workers);
                List<Future<?>> done = new ArrayList<>();
                killer.start();
                for (int w = 0; w < workers; w++) {
                    int worker = w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perWorker; i++) {
                            int key = base + worker * 10_000 + i;
                            try {
                                b.transactionManager().inTransaction(() -> {
                                    b.dsl().execute(insert, key, worker);
                                    b.dsl().execute(insert, key + 5_000, worker);
                                });
                                succeeded.add(key);
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                loading.set(false);
                killer.join(WAIT.toMillis());
                pool.shutdown();
                Thread.sleep(600);      // HikariCP validates a connection on loan once it has been idle 500 ms
                assertThat(b.dsl().execute(insert, base + 999_999, -1)).isEqualTo(1);
                awaitIdle(b::poolStats);
            }
        } else {
            try (AsyncPostgresBackend b = new AsyncPostgresBackend(config(db, workers))) {
                b.connect().block(WAIT);
                killer.start();
                Flux.range(0, workers).flatMap(worker -> Flux.range(0, perWorker).concatMap(i -> {
                    int key = base + worker * 10_000 + i;
                    return b.transactionManager().inTransaction(dsl -> Mono.from(dsl.query(insert, key, worker))
                                    .then(Mono.from(dsl.query(insert, key + 5_000, worker))))
                            .then(Mono.fromRunnable(() -> succeeded.add(key)))
                            .onErrorResume(e -> {
                                failures.add(e);
                                return Mono.empty();
                            });
                }), workers).blockLast(WAIT);
                loading.set(false);
                killer.join(WAIT.toMillis());
                int after = Mono.from(b.dsl().query(insert, base + 999_999, -1)).block(WAIT);
                assertThat(after).isEqualTo(1);
                awaitIdle(b::poolStats);
            }
        }
        assertThat(succeeded.size() + failures.size()).isEqualTo(workers * perWorker);
        assertThat(failures).allSatisfy(e -> assertThat(e).isInstanceOf(ConnectionException.class)
                .satisfies(c -> assertThat(((ConnectionException) c).isRetryable()).isTrue()));
        List<List<Object>> stored = db.query("SELECT id FROM load WHERE id >= " + base + " AND id < " + (base + 900_000)
                + " AND id % 10000 < 5000");
        Set<Integer> storedKeys = ConcurrentHashMap.newKeySet();
        stored.forEach(r -> storedKeys.add((Integer) r.get(0)));
        assertThat(storedKeys).containsAll(succeeded);
        assertThat(db.queryValue("SELECT count(*) FROM load a WHERE a.id >= " + base + " AND a.id < " + (base + 900_000)
                + " AND a.id % 10000 < 5000 AND NOT EXISTS (SELECT 1 FROM load b WHERE b.id = a.id + 5000)"))
                .as("transactions written half").isEqualTo(0L);
    }

    /** Cancelling a reactive stream, or closing a blocking one, returns its connection. */
    @BothBackends
    void cancelledStreamsReleaseTheirConnection(Exec exec, TestDatabase db) throws Exception {
        db.execute("INSERT INTO load SELECT 5000000 + i, 0 FROM generate_series(1, 20000) i ON CONFLICT DO NOTHING");
        if (exec == Exec.JDBC) {
            try (PostgresBackend b = new PostgresBackend(config(db, 2))) {
                try (var s = Counter.find.using(b).query().withDeleted().stream()) {
                    s.limit(1).count();
                }
                var rows = b.dsl().selectFrom(org.jooq.impl.DSL.table("load")).fetchLazy();
                rows.fetchNext();
                rows.close();
                awaitIdle(b::poolStats);
            }
        } else {
            try (AsyncPostgresBackend b = new AsyncPostgresBackend(config(db, 2))) {
                b.connect().block(WAIT);
                List<?> firstFew = Flux.from(b.dsl().selectFrom(org.jooq.impl.DSL.table("load"))).take(5).collectList().block(WAIT);
                assertThat(firstFew).hasSize(5);
                awaitIdle(b::poolStats);
                assertThat(b.poolStats().total()).isGreaterThan(0);
            }
        }
    }

    /**
     * Cancelling a model's reactive read while its statement runs gives the connection back (the
     * runner cancels the running step), and the read signals nothing after the cancel. Reactive
     * only: a blocking call cannot be cancelled.
     */
    @Test
    void cancelledModelReadReleasesItsConnection(TestDatabase db) throws Exception {
        db.execute("INSERT INTO counters (id, value, lock_version) VALUES (900001, 0, 0) ON CONFLICT DO NOTHING");
        try (AsyncPostgresBackend b = new AsyncPostgresBackend(config(db, 2))) {
            b.connect().block(WAIT);
            AtomicInteger signals = new AtomicInteger();
            // the statement runs 10 s, twice as long as awaitIdle waits: only the cancel gives the connection back in time
            Disposable read = AsyncCounter.find.using(b).where("id = 900001 AND pg_sleep(10) IS NOT NULL").all()
                    .subscribe(c -> signals.incrementAndGet(), e -> signals.incrementAndGet(), signals::incrementAndGet);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (b.poolStats().active() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(b.poolStats().active()).as("the read holds a connection").isEqualTo(1);
            read.dispose();
            awaitIdle(b::poolStats);
            assertThat(signals).as("signals after the cancel").hasValue(0);
        }
    }

    /**
     * A transaction cancelled while its BEGIN waits behind a cancelled read still running on the
     * same connection is rolled back before the connection goes back: the pool's next user is not
     * left inside it, and its write commits. Reactive only: a blocking call cannot be cancelled.
     */
    @Test
    void transactionCancelledDuringItsBeginLeavesNoTransactionOpen(TestDatabase db) throws Exception {
        try (AsyncPostgresBackend b = new AsyncPostgresBackend(config(db, 1))) {
            b.connect().block(WAIT);
            b.statementLog().start();
            Disposable sleeping = Mono.from(b.dsl().resultQuery("select pg_sleep(2)")).subscribe();
            awaitLogged(b, "pg_sleep(2)");
            sleeping.dispose();
            Disposable tx = b.transactionManager().inTransaction(() -> Mono.from(b.dsl().selectOne())).subscribe();
            awaitLogged(b, "BEGIN");
            tx.dispose();
            b.statementLog().stop();

            AsyncCounter c = new AsyncCounter();
            c.id = 900_002L;
            c.value = 1L;
            assertThat(c.using(b).save().block(WAIT)).isEqualTo(1);
            assertThat(db.queryValue("SELECT count(*) FROM counters WHERE id = 900002")).as("seen from another session: committed")
                    .isEqualTo(1L);
            assertThat(db.queryValue("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND state LIKE 'idle in transaction%'")).isEqualTo(0L);
        }
    }

    /**
     * Transactions of two inserts each, cancelled by timeouts of 0-40 ms at any moment (while
     * acquiring, during BEGIN, between the inserts, during COMMIT), on a pool of 2: each commits
     * both rows or neither, none that was not cancelled fails, every connection goes back out of
     * any transaction, and a plain save afterwards commits. Reactive only: a blocking call cannot
     * be cancelled.
     */
    @Test
    void cancelledTransactionsCommitAllOrNothingAndLeaveNoConnectionInOne(TestDatabase db) throws Exception {
        long base = 2_000_000;
        int n = 400;
        try (AsyncPostgresBackend b = new AsyncPostgresBackend(config(db, 2))) {
            b.connect().block(WAIT);
            AsyncTransactionManager tm = b.transactionManager();
            java.util.Random random = new java.util.Random(7);
            List<String> failures = Flux.range(0, n).flatMap(i -> tm.inTransaction(() -> counter(b, base + 2L * i, i).save()
                                    .then(counter(b, base + 2L * i + 1, i).save()))
                            .then(Mono.just(""))
                            .timeout(Duration.ofMillis(random.nextInt(i % 2 == 0 ? 4 : 200)), Mono.just("timed out"))
                            .onErrorResume(e -> Mono.just(e.toString())), 8)
                    .filter(e -> !e.isEmpty() && !e.equals("timed out"))
                    .collectList().block(WAIT);
            assertThat(failures).as("transactions that failed, not only cancelled").isEmpty();
            awaitIdle(b::poolStats);
            assertThat(db.query("SELECT value FROM counters WHERE id >= " + base + " AND id < " + (base + 2L * n)
                    + " GROUP BY value HAVING count(*) <> 2")).as("transactions committed in half").isEmpty();
            long committed = ((Number) db.queryValue("SELECT count(*) FROM counters WHERE id >= " + base
                    + " AND id < " + (base + 2L * n))).longValue();
            assertThat(committed).as("some transactions ran to their end").isGreaterThan(0);
            // a cancelled transaction's connection is closed: its session may take a moment to end
            String inTransaction = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND state LIKE 'idle in transaction%'";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!db.queryValue(inTransaction).equals(0L) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(db.queryValue(inTransaction)).as("connections left in a transaction").isEqualTo(0L);
            for (int i = 0; i < 6; i++) {
                long id = base + 2L * n + i;
                assertThat(counter(b, id, -1).save().block(WAIT)).isEqualTo(1);
                assertThat(db.queryValue("SELECT count(*) FROM counters WHERE id = " + id))
                        .as("a plain save after the cancels, seen from another session").isEqualTo(1L);
            }
        }
    }

    private static AsyncCounter counter(AsyncPostgresBackend b, long id, long value) {
        AsyncCounter c = new AsyncCounter().using(b);
        c.id = id;
        c.value = value;
        return c;
    }

    private static void awaitLogged(AsyncPostgresBackend b, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (b.statementLog().statements().stream().noneMatch(sql -> sql.contains(fragment))) {
            assertThat(System.nanoTime() < deadline).as("'%s' sent within %s", fragment, WAIT).isTrue();
            Thread.sleep(5);
        }
    }

    /**
     * Every connection held by an open transaction: the next request fails after about the pool
     * timeout (not a multiple of it, as r2dbc-pool's retries made it), naming the pool and its
     * size, and once the holders let go their connections serve again.
     */
    @BothBackends
    void exhaustedPoolFailsClearlyAfterThePoolTimeoutAndRecovers(Exec exec, TestDatabase db) throws Exception {
        // 2 s, not less: the timeout also bounds making the connections the holders take, which
        // took longer than 800 ms on a loaded machine; the old multiplied wait (3 x poolTimeout
        // for one connection) still lands beyond the 2.5 x bound
        Duration poolTimeout = Duration.ofSeconds(2);
        for (int size = 1; size <= 2; size++) {
            PostgresConnectionConfig config = db.configBuilder().poolMaxSize(size).poolTimeout(poolTimeout).build();
            String sizeText = size == 1 ? "all 1 connections" : "all 2 connections";
            if (exec == Exec.JDBC) {
                try (PostgresBackend b = new PostgresBackend(config)) {
                    ExecutorService holders = Executors.newFixedThreadPool(size);
                    java.util.concurrent.CountDownLatch begun = new java.util.concurrent.CountDownLatch(size);
                    java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
                    for (int i = 0; i < size; i++) {
                        holders.submit(() -> {
                            try (Transaction tx = b.transactionManager().begin()) {
                                begun.countDown();
                                assertThat(finish.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                                tx.commit();
                            }
                            return null;
                        });
                    }
                    assertThat(begun.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("all transactions begun").isTrue();
                    long start = System.nanoTime();
                    Throwable timeout = org.assertj.core.api.Assertions.catchThrowable(() -> b.dsl().fetchValue("SELECT 1"));
                    assertWaitedAboutThePoolTimeout(Duration.ofNanos(System.nanoTime() - start), poolTimeout);
                    assertThat(timeout).isInstanceOf(ConnectionException.class).hasMessageContaining("poolMaxSize")
                            .hasMessageContaining(sizeText).hasMessageContaining("connection pool pgrecord-jdbc-");
                    finish.countDown();
                    holders.shutdown();
                    assertThat(holders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
                    assertThat(b.dsl().fetchValue("SELECT 1")).isEqualTo(1);
                    awaitIdle(b::poolStats);
                }
            } else {
                try (AsyncPostgresBackend b = new AsyncPostgresBackend(config)) {
                    List<AsyncTransaction> held = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        held.add(b.transactionManager().begin().block(WAIT));
                    }
                    for (java.util.function.Supplier<Mono<?>> request : List.<java.util.function.Supplier<Mono<?>>>of(
                            () -> Mono.from(b.dsl().selectOne()),
                            () -> AsyncCounter.find.using(b).findById(-1L),
                            () -> b.transactionManager().begin())) {
                        long start = System.nanoTime();
                        Throwable timeout = org.assertj.core.api.Assertions.catchThrowable(() -> request.get().block(WAIT));
                        assertWaitedAboutThePoolTimeout(Duration.ofNanos(System.nanoTime() - start), poolTimeout);
                        assertThat(timeout).isInstanceOf(ConnectionException.class).hasMessageContaining("poolMaxSize")
                                .hasMessageContaining(sizeText).hasMessageContaining("connection pool pgrecord-r2dbc-");
                    }
                    Flux.fromIterable(held).concatMap(AsyncTransaction::commit).blockLast(WAIT);
                    assertThat(Mono.from(b.dsl().selectOne()).block(WAIT).value1()).isEqualTo(1);
                    awaitIdle(b::poolStats);
                }
            }
        }
    }

    /**
     * At least the pool timeout, and below the (poolMaxSize + 2) x poolTimeout that retried
     * timeouts took on R2DBC, 3 s for one connection: 1.5 s of slack for a loaded machine.
     */
    private static void assertWaitedAboutThePoolTimeout(Duration waited, Duration poolTimeout) {
        assertThat(waited).isGreaterThanOrEqualTo(poolTimeout.minusMillis(100))
                .isLessThan(poolTimeout.multipliedBy(5).dividedBy(2));
    }
}
