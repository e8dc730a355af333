package io.pgrecord.internal.jdbc;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Savepoints around each model write on a thread whose test runs in one transaction rolled back
 * at its end ({@code @PgRecordTest(rollback = true)}): a write that fails, as the test expects,
 * leaves the test's transaction usable, as in Rails' transactional tests. The savepoints are the
 * driver's own, so the statement log shows the test's statements only.
 */
public final class WriteIsolation {

    private static final ThreadLocal<Boolean> ON = new ThreadLocal<>();
    /** Threads with isolation on: outside tests none, and a model call then reads this field only. */
    private static final AtomicInteger THREADS = new AtomicInteger();

    private WriteIsolation() {
    }

    /** Turns isolation on for the calling thread. */
    public static void begin() {
        if (ON.get() == null) {
            ON.set(Boolean.TRUE);
            THREADS.incrementAndGet();
        }
    }

    /** Turns it off again. */
    public static void end() {
        if (ON.get() != null) {
            ON.remove();
            THREADS.decrementAndGet();
        }
    }

    static boolean active() {
        return THREADS.get() > 0 && ON.get() != null;
    }
}
