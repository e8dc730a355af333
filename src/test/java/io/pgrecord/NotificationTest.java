package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * LISTEN/NOTIFY on both backends, against the server: delivery, one shared listening connection
 * outside the pool, subscriptions that end alone, payload and channel rules, notifications that
 * follow their transaction, and a listener that survives {@code pg_terminate_backend}.
 */
@ExtendWith(PgExtension.class)
class NotificationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @BothBackends
    void deliversOnEachChannelThroughOneListeningConnectionOutsideThePool(Exec exec, TestDatabase db) throws Exception {
        // a pool of one: were the listener one of its connections, notify could not run beside it
        try (Side side = Side.open(exec, db)) {
            Feed orders = side.listen("orders");
            int ordersPid = listenerPid(db, "orders");
            Feed invoices = side.listen("invoices");
            assertThat(listenerPid(db, "invoices")).as("both channels on one connection").isEqualTo(ordersPid);

            side.notify("orders", "{\"id\":1}");
            side.notify("invoices", "7");
            Notification order = orders.next();
            assertThat(order.channel()).isEqualTo("orders");
            assertThat(order.payload()).isEqualTo("{\"id\":1}");
            assertThat(order.missed()).isFalse();
            assertThat(order.processId()).isPositive().isNotEqualTo(ordersPid);
            assertThat(invoices.next()).isEqualTo(new Notification("invoices", "7", order.processId(), false));
            assertThat(orders.received).isEmpty();
        }
    }

    @BothBackends
    void closingASubscriptionEndsOnlyItAndTheLastOneUnlistens(Exec exec, TestDatabase db) throws Exception {
        try (Side side = Side.open(exec, db)) {
            Feed first = side.listen("stock");
            Feed second = side.listen("stock");
            int pid = listenerPid(db, "stock");
            first.end();
            side.notify("stock", "after close");
            side.notify("stock", "marker");
            assertThat(second.next().payload()).isEqualTo("after close");
            // both went through the same fan-out before the marker reached the second
            assertThat(second.next().payload()).isEqualTo("marker");
            assertThat(first.received).isEmpty();

            second.end();
            awaitLastStatement(db, pid, "UNLISTEN \"stock\"");
        }
    }

    @BothBackends
    void payloadsUpTo7999BytesAreDeliveredAndLongerOnesOrOnesWithNulRefusedBeforeAnySql(Exec exec, TestDatabase db) throws Exception {
        String longest = "é".repeat(3999) + "z";
        assertThat(longest.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(7999);
        String tooLong = "é".repeat(4000);
        try (Side side = Side.open(exec, db)) {
            Feed feed = side.listen("big");
            listenerPid(db, "big");
            side.notify("big", longest);
            assertThat(feed.next().payload()).isEqualTo(longest);

            side.log().start();
            assertThatThrownBy(() -> side.notify("big", tooLong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("8000 bytes").hasMessageContaining("7999").hasMessageContaining("'big'");
            // a NUL is refused as in a channel name, not left to the server's 22021
            assertThatThrownBy(() -> side.notify("big", "a\0b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NUL").hasMessageContaining("'big'");
            assertThat(side.log().stop()).as("no SQL for a refused payload").isEmpty();
            side.notify("big", "marker");
            assertThat(feed.next().payload()).isEqualTo("marker");
        }
    }

    @BothBackends
    void channelsAreQuotedNamesMatchedExactlyAndBadOnesRefused(Exec exec, TestDatabase db) throws Exception {
        String odd = "Order Events\"; x";
        try (Side side = Side.open(exec, db)) {
            Feed events = side.listen(odd);
            Feed mixed = side.listen("MiXeD");
            listenerPid(db, "MiXeD");
            side.notify(odd, "shipped");
            assertThat(events.next()).extracting(Notification::channel, Notification::payload)
                    .containsExactly(odd, "shipped");
            side.notify("mixed", "other channel");
            side.notify("MiXeD", "this channel");
            assertThat(mixed.next().payload()).isEqualTo("this channel");

            String tooLongName = "c".repeat(64);
            for (String bad : new String[] {"", "nul\0name", tooLongName}) {
                assertThatThrownBy(() -> side.listenFails(bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("channel");
                assertThatThrownBy(() -> side.notify(bad, "x")).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("channel");
            }
        }
    }

    @BothBackends
    void aHandlerThatThrowsDoesNotStopTheOthers(Exec exec, TestDatabase db) throws Exception {
        try (Side side = Side.open(exec, db)) {
            side.listenThrowing("fragile");
            Feed feed = side.listen("fragile");
            listenerPid(db, "fragile");
            side.notify("fragile", "one");
            side.notify("fragile", "two");
            assertThat(feed.next().payload()).isEqualTo("one");
            assertThat(feed.next().payload()).isEqualTo("two");
            // an Error is the handler's own too: a failed assertion, a class missing at run time
            side.listenThrowing("fragile", new AssertionError("the handler asserts"));
            side.listenThrowing("fragile", new NoClassDefFoundError("com/example/Missing"));
            side.notify("fragile", "three");
            assertThat(feed.next().payload()).isEqualTo("three");
            // so is a JVM error: a recursion too deep, and even out of memory or an internal error
            // (logged as errors) do not end the listener for the others
            AtomicInteger recursions = new AtomicInteger();
            side.listenRunning("fragile", () -> recurse(recursions.incrementAndGet()));
            side.listenThrowing("fragile", new OutOfMemoryError("the handler ran out"));
            side.listenThrowing("fragile", new InternalError("the handler met a JVM bug"));
            Feed after = side.listen("fragile");
            listenerPid(db, "fragile");
            for (String payload : new String[] {"3a", "3b"}) {
                side.notify("fragile", payload);
                assertThat(feed.next().payload()).isEqualTo(payload);
                assertThat(after.next().payload()).as("handlers run in order: this one after those that fail").isEqualTo(payload);
            }
            // a blocking handler keeps its subscription; Reactor passes a JVM error on rather than end
            // the subscriber's Flux, so pgrecord ends that subscription, as Reactor ends one that throws
            assertThat(recursions.get()).isEqualTo(exec == Exec.JDBC ? 2 : 1);
            Feed later = side.listen("fragile.later");
            listenerPid(db, "fragile.later");
            side.notify("fragile.later", "four");
            assertThat(later.next().payload()).isEqualTo("four");
            assertThat(feed.received).as("no missed signal: the listening connection was kept").noneMatch(n -> n.missed());
        }
    }

    /**
     * Reactive only (a blocking listen returns once confirmed): cancelling a channel's first
     * subscriber before its LISTEN is confirmed leaves the LISTEN to the others, on a backend
     * whose listening connection is still opening as on one whose connection is open; the last
     * one leaving UNLISTENs.
     */
    @org.junit.jupiter.api.Test
    void cancellingAChannelsFirstSubscriberBeforeItsListenIsConfirmedKeepsTheOthersListening(TestDatabase db) throws Exception {
        for (int round = 0; round < 3; round++) {
            try (Side side = Side.open(Exec.R2DBC, db)) {
                Feed first = side.listen("race");
                Feed second = side.listen("race");
                first.end();
                side.notify("race", "fresh " + round);
                assertThat(second.next().payload()).as("round %d on a fresh backend", round).isEqualTo("fresh " + round);
                assertThat(first.received).isEmpty();
            }
        }
        try (Side side = Side.open(Exec.R2DBC, db)) {
            Feed warm = side.listen("warm");
            int pid = listenerPid(db, "warm");
            for (int round = 0; round < 5; round++) {
                String channel = "race." + round;
                Feed first = side.listen(channel);
                Feed second = side.listen(channel);
                Feed third = side.listen(channel);
                first.end();
                third.end();
                side.notify(channel, "warm " + round);
                assertThat(second.next().payload()).as("round %d on an open connection", round).isEqualTo("warm " + round);
                second.end();
                awaitLastStatement(db, pid, "UNLISTEN \"" + channel + "\"");
            }
            // a subscriber cancelled at once, alone: its channel ends unlistened, the connection serves on
            side.listen("gone").end();
            side.notify("warm", "still here");
            assertThat(warm.next().payload()).isEqualTo("still here");
        }
    }

    /**
     * Blocking only (a reactive handler runs on the driver's event loop, which close() must not
     * block): a handler may close its backend. close() returns, and the notify whose
     * notification it handled succeeds, though it may still hold its pool connection then.
     */
    @org.junit.jupiter.api.Test
    void aHandlerThatClosesItsBackendReturnsAndTheNotifySucceeds(TestDatabase db) throws Exception {
        for (int round = 0; round < 5; round++) {
            PostgresBackend backend = new PostgresBackend(db.configBuilder().poolMaxSize(1).build()).connect();
            try {
                CountDownLatch closed = new CountDownLatch(1);
                backend.listen("closer", n -> {
                    backend.close();
                    closed.countDown();
                });
                backend.notify("closer", "round " + round);
                assertThat(closed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("round %d: close() returned", round).isTrue();
                assertThat(backend.isClosed()).isTrue();
            } finally {
                backend.close();
            }
        }
    }

    /** Reactive only: a Flux from listen() looks the listener up when subscribed, so one made before a disconnect works after it. */
    @org.junit.jupiter.api.Test
    void aListenFluxMadeBeforeADisconnectListensAfterIt(TestDatabase db) throws Exception {
        try (AsyncPostgresBackend async = new AsyncPostgresBackend(db.configBuilder().build())) {
            async.connect().block(WAIT);
            reactor.core.publisher.Flux<Notification> early = async.listen("early");
            async.disconnect().block(WAIT);
            async.connect().block(WAIT);
            BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
            Disposable subscription = early.subscribe(received::add);
            try {
                listenerPid(db, "early");
                async.notify("early", "after").block(WAIT);
                Notification n = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(n).isNotNull();
                assertThat(n.payload()).isEqualTo("after");
            } finally {
                subscription.dispose();
            }
        }
    }

    /**
     * A notify right after the subscription, with no wait for the LISTEN, is delivered: the
     * blocking listen returns once the server confirmed it, and a reactive notify through the
     * same backend waits for the LISTEN on its way.
     */
    @BothBackends
    void aNotifyRightAfterSubscribingIsDelivered(Exec exec, TestDatabase db) throws Exception {
        try (Side side = Side.open(exec, db)) {
            for (int i = 0; i < 10; i++) {
                Feed feed = side.listen("at.once." + i);
                side.notify("at.once." + i, "n" + i);
                assertThat(feed.next().payload()).isEqualTo("n" + i);
            }
        }
    }

    @BothBackends
    void aNotifyInARolledBackTransactionIsNeverDelivered(Exec exec, TestDatabase db) throws Exception {
        try (Side side = Side.open(exec, db)) {
            Feed feed = side.listen("audit");
            listenerPid(db, "audit");
            side.notifyThenRollBack("audit", "rolled back");
            side.notify("audit", "committed");
            assertThat(feed.next().payload()).isEqualTo("committed");
        }
    }

    @BothBackends
    void aTerminatedListenerReconnectsAndSignalsMissedOncePerSubscription(Exec exec, TestDatabase db) throws Exception {
        try (Side side = Side.open(exec, db)) {
            Feed a1 = side.listen("alpha");
            Feed a2 = side.listen("alpha");
            Feed b = side.listen("beta");
            int before = listenerPid(db, "beta");
            assertThat(db.queryValue("SELECT pg_terminate_backend(" + before + ")")).isEqualTo(true);

            for (Feed feed : new Feed[] {a1, a2, b}) {
                assertThat(feed.next()).isEqualTo(new Notification(feed.channel, null, 0, true));
            }
            // channels are LISTENed again in the order they were first subscribed: beta last
            assertThat(listenerPid(db, "beta")).isNotEqualTo(before);
            side.notify("alpha", "after");
            side.notify("beta", "after");
            for (Feed feed : new Feed[] {a1, a2, b}) {
                Notification n = feed.next();
                assertThat(n.missed()).as("exactly one missed signal").isFalse();
                assertThat(n.payload()).isEqualTo("after");
            }
        }
    }

    @BothBackends
    void closingTheBackendStopsTheListenerThreadAndConnection(Exec exec, TestDatabase db) throws Exception {
        Set<Thread> before = listenerThreads();
        Side side = Side.open(exec, db);
        Feed feed = side.listen("closing");
        int pid = listenerPid(db, "closing");
        Set<Thread> started = listenerThreads();
        started.removeAll(before);
        assertThat(started).hasSize(exec == Exec.JDBC ? 1 : 0);

        side.close();
        assertThat(started).allSatisfy(t -> assertThat(t.isAlive()).as(t.getName()).isFalse());
        awaitGone(db, pid);
        if (exec == Exec.R2DBC) {
            assertThat(feed.completed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the Flux completes").isTrue();
        }
    }

    @BothBackends
    void overTheApplicationsPoolTheListenerBorrowsOneConnectionAndGivesItBackUnlistened(Exec exec, TestDatabase db)
            throws Exception {
        try (AppPool app = AppPool.open(exec, db)) {
            Side side = app.side();
            Feed feed = side.listen("app events");
            int pid = listenerPid(db, "app events");
            side.notify("app events", "over the application's pool");
            assertThat(feed.next().payload()).isEqualTo("over the application's pool");

            side.close();
            awaitLastStatement(db, pid, "UNLISTEN *");
            assertThat(app.lentOut()).as("the listening connection went back to the application's pool").isZero();
        }
    }

    // ---- one backend kind's calls, the reactive ones waited for with a deadline

    /** The notification calls of one backend kind, on a backend of its own with a pool of one. */
    private interface Side extends AutoCloseable {

        static Side open(Exec exec, TestDatabase db) {
            PostgresConnectionConfig config = db.configBuilder().poolMaxSize(1).poolTimeout(Duration.ofSeconds(5)).build();
            return exec == Exec.JDBC ? new Blocking(new PostgresBackend(config).connect()) : new Reactive(new AsyncPostgresBackend(config));
        }

        /** Subscribes; the caller waits for the LISTEN with {@link #listenerPid}. */
        Feed listen(String channel);

        /** Subscribes a handler that throws on every notification. */
        void listenThrowing(String channel);

        /** Subscribes a handler that throws {@code failure} (unchecked) on every notification. */
        default void listenThrowing(String channel, Throwable failure) {
            listenRunning(channel, () -> raise(failure));
        }

        /** Subscribes a handler that runs {@code body} on every notification. */
        void listenRunning(String channel, Runnable body);

        /** Subscribes to a bad channel, for the error. */
        void listenFails(String channel);

        void notify(String channel, String payload);

        void notifyThenRollBack(String channel, String payload);

        StatementLog log();

        @Override
        void close();
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    private static void raise(Throwable failure) {
        if (failure instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) failure;
    }

    private record Blocking(PostgresBackend backend) implements Side {
        @Override public Feed listen(String channel) {
            Feed feed = new Feed(channel);
            feed.stop = backend.listen(channel, feed.received::add);
            return feed;
        }
        @Override public void listenThrowing(String channel) {
            backend.listen(channel, n -> {
                throw new IllegalStateException("handler fails on " + n);
            });
        }
        @Override public void listenRunning(String channel, Runnable body) {
            backend.listen(channel, n -> body.run());
        }
        @Override public void listenFails(String channel) {
            backend.listen(channel, n -> { });
        }
        @Override public void notify(String channel, String payload) {
            backend.notify(channel, payload);
        }
        @Override public void notifyThenRollBack(String channel, String payload) {
            TransactionManager tm = backend.transactionManager();
            tm.begin();
            backend.notify(channel, payload);
            tm.rollback();
        }
        @Override public StatementLog log() {
            return backend.statementLog();
        }
        @Override public void close() {
            backend.close();
        }
    }

    private record Reactive(AsyncPostgresBackend backend) implements Side {
        @Override public Feed listen(String channel) {
            Feed feed = new Feed(channel);
            Disposable d = backend.listen(channel).subscribe(feed.received::add, feed::failed, feed.completed::countDown);
            feed.stop = d::dispose;
            return feed;
        }
        @Override public void listenThrowing(String channel) {
            backend.listen(channel).subscribe(n -> {
                throw new IllegalStateException("handler fails on " + n);
            }, e -> { });
        }
        @Override public void listenRunning(String channel, Runnable body) {
            backend.listen(channel).subscribe(n -> body.run(), e -> { });
        }
        @Override public void listenFails(String channel) {
            backend.listen(channel).blockFirst(WAIT);
        }
        @Override public void notify(String channel, String payload) {
            backend.notify(channel, payload).block(WAIT);
        }
        @Override public void notifyThenRollBack(String channel, String payload) {
            IllegalStateException rollBack = new IllegalStateException("roll back");
            assertThatThrownBy(() -> backend.transactionManager()
                    .inTransaction(() -> backend.notify(channel, payload).then(Mono.error(rollBack))).blockLast(WAIT))
                    .isSameAs(rollBack);
        }
        @Override public StatementLog log() {
            return backend.statementLog();
        }
        @Override public void close() {
            backend.close();
        }
    }

    /** An application's own pool of three, and a backend over it. */
    private record AppPool(HikariDataSource hikari, ConnectionPool r2dbc, Side side) implements AutoCloseable {

        static AppPool open(Exec exec, TestDatabase db) {
            PostgresConnectionConfig c = db.config();
            if (exec == Exec.JDBC) {
                HikariConfig hc = new HikariConfig();
                hc.setJdbcUrl("jdbc:postgresql://" + c.host() + ":" + c.port() + "/" + c.database());
                hc.setUsername(c.username());
                hc.setPassword(c.password());
                hc.setMaximumPoolSize(3);
                hc.addDataSourceProperty("stringtype", "unspecified");
                HikariDataSource hikari = new HikariDataSource(hc);
                return new AppPool(hikari, null, new Blocking(PostgresBackend.of(hikari)));
            }
            PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                    .host(c.host()).port(c.port()).database(c.database()).username(c.username()).password(c.password()).build());
            ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory).maxSize(3).build());
            return new AppPool(null, pool, new Reactive(AsyncPostgresBackend.of(pool)));
        }

        /** Connections the application's pool has lent out, waited for to settle. */
        int lentOut() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            long backoff = 5;
            while (true) {
                int lent = hikari != null ? hikari.getHikariPoolMXBean().getActiveConnections()
                        : r2dbc.getMetrics().orElseThrow().acquiredSize();
                if (lent == 0 || System.nanoTime() > deadline) {
                    return lent;
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 200);
            }
        }

        @Override
        public void close() {
            side.close();
            if (hikari != null) {
                hikari.close();
            } else {
                r2dbc.dispose();
            }
        }
    }

    /** What one subscription received, in order. */
    private static final class Feed {
        final String channel;
        final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        final CountDownLatch completed = new CountDownLatch(1);
        volatile Throwable failure;
        AutoCloseable stop;

        Feed(String channel) {
            this.channel = channel;
        }

        void failed(Throwable e) {
            failure = e;
        }

        Notification next() throws InterruptedException {
            Notification n = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null) {
                fail("nothing received on " + channel + " within " + WAIT + (failure == null ? "" : ": " + failure));
            }
            return n;
        }

        /** Ends this subscription only. */
        void end() throws Exception {
            stop.close();
        }
    }

    // ---- what the server says about the listening connection, polled with backoff until a deadline

    /** The pid of the connection whose last statement, finished, was this channel's LISTEN. */
    private static int listenerPid(TestDatabase db, String channel) throws Exception {
        String listen = "LISTEN \"" + channel.replace("\"", "\"\"") + "\"";
        return poll(db, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle' AND query = ?",
                listen, "a connection that LISTENs on " + channel);
    }

    private static void awaitLastStatement(TestDatabase db, int pid, String sql) throws Exception {
        poll(db, "SELECT pid FROM pg_stat_activity WHERE pid = " + pid + " AND state = 'idle' AND query = ?", sql,
                "pid " + pid + " running " + sql);
    }

    private static void awaitGone(TestDatabase db, int pid) throws Exception {
        poll(db, "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = " + pid + ") AND ? IS NOT NULL",
                "-", "listener pid " + pid + " gone");
    }

    private static int poll(TestDatabase db, String sql, String bind, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long backoff = 5;
        try (Connection c = db.jdbc(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, bind);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                if (System.nanoTime() > deadline) {
                    return fail("no " + what + " within " + WAIT);
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 200);
            }
        }
    }

    private static Set<Thread> listenerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("pgrecord-listener-")).collect(Collectors.toSet());
    }
}
