package io.pgrecord;

import io.pgrecord.internal.r2dbc.R2dbcLock;
import reactor.core.publisher.Mono;

/** The reactive twin of {@link AdvisoryLock}: {@link #release()} unlocks and returns the connection. */
public final class AsyncAdvisoryLock {

    private final R2dbcLock held;

    AsyncAdvisoryLock(R2dbcLock held) {
        this.held = held;
    }

    public long key() {
        return held.key();
    }

    /** Unlocks; completes at once when already released. */
    public Mono<Void> release() {
        return held.release();
    }
}
