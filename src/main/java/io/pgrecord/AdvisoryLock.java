package io.pgrecord;

import io.pgrecord.internal.jdbc.JdbcLock;

/**
 * A held session-level advisory lock ({@code pg_advisory_lock}) on a connection of its own;
 * {@link #close()} unlocks it and returns the connection. Use try-with-resources.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=advisory-lock}
 */
public final class AdvisoryLock implements AutoCloseable {

    private final JdbcLock held;

    AdvisoryLock(JdbcLock held) {
        this.held = held;
    }

    public long key() {
        return held.key();
    }

    /** Unlocks and returns the connection to the pool. Idempotent. */
    @Override
    public void close() {
        held.close();
    }
}
