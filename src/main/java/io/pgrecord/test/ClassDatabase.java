package io.pgrecord.test;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The database of one test class, with the backends injected into its tests. Closing it checks
 * for leaked connections, closes the backends and drops the database.
 */
final class ClassDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** How long connections may take to come back, or sessions to end, before they count as leaked. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final TestServer server;
    private final String name;
    private final String owner;
    private @Nullable PostgresBackend blocking;
    private @Nullable AsyncPostgresBackend async;

    private ClassDatabase(TestServer server, String name, String owner) {
        this.server = server;
        this.name = name;
        this.owner = owner;
    }

    static ClassDatabase create(TestServer server, Class<?> testClass) {
        String base = testClass.getSimpleName().replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        String name = "pgrecord_" + base.substring(0, Math.min(base.length(), 30)) + "_"
                + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try {
            server.execute("CREATE DATABASE " + name);
        } catch (RuntimeException e) {
            throw new IllegalStateException("@PgRecordTest could not create the database " + name + " for "
                    + testClass.getName() + " on " + server + ": " + e.getMessage()
                    + " (the user of " + TestServer.URL_VARIABLE + " needs the CREATEDB privilege)", e);
        }
        return new ClassDatabase(server, name, testClass.getName());
    }

    synchronized PostgresBackend blocking() {
        PostgresBackend b = blocking;
        if (b == null) {
            b = new PostgresBackend(server.config(name)).connect();
            blocking = b;
        }
        return b;
    }

    synchronized AsyncPostgresBackend async() {
        AsyncPostgresBackend a = async;
        if (a == null) {
            a = new AsyncPostgresBackend(server.config(name));
            async = a;
            a.connect().block(CONNECT_TIMEOUT);
        }
        return a;
    }

    /** Fails, after dropping the database, when the class left connections lent out or sessions open. */
    @Override
    public synchronized void close() {
        long lent = settle(this::lentOut);
        if (blocking != null) {
            blocking.close();
        }
        if (async != null) {
            async.close();
        }
        long sessions = settle(() -> server.count(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND backend_type = 'client backend'", name));
        server.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "' AND pid <> pg_backend_pid()",
                "DROP DATABASE IF EXISTS " + name);
        if (lent > 0 || sessions > 0) {
            throw new IllegalStateException(owner + " leaked connections: " + lent
                    + " still lent out by the injected backends after its tests (a transaction, stream or lock left open?), "
                    + sessions + " other session(s) still open on its database " + name
                    + " (a backend or connection the tests opened and did not close?)");
        }
    }

    private long lentOut() {
        return (blocking == null ? 0 : blocking.poolStats().active()) + (async == null ? 0 : async.poolStats().active());
    }

    /** The value once it is zero, or what it still is when the grace time is over. */
    private static long settle(LongSupplier value) {
        long deadline = System.nanoTime() + GRACE.toNanos();
        long pause = 10;
        while (true) {
            long now = value.getAsLong();
            if (now == 0 || System.nanoTime() > deadline) {
                return now;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            pause = Math.min(pause * 2, 200);
        }
    }
}
