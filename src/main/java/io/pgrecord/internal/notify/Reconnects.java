package io.pgrecord.internal.notify;

import java.time.Duration;

/**
 * How a lost listening connection is made again, on both backends: attempts without end while
 * the backend is open, waiting {@link #FIRST} after the first failure, twice as long after each
 * further one, and never more than {@link #MAX}.
 */
public final class Reconnects {

    public static final Duration FIRST = Duration.ofMillis(50);
    public static final Duration MAX = Duration.ofSeconds(5);

    private Reconnects() {
    }

    /** The wait before reconnect attempt {@code attempt}, counted from 1. */
    public static Duration delay(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 16);
        Duration d = FIRST.multipliedBy(1L << doublings);
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
