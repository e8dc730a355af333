package io.pgrecord.internal.r2dbc;

import io.pgrecord.internal.tx.LockSql;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/** A held session-level advisory lock on a connection of its own, until {@link #release()}. */
public final class R2dbcLock {

    private final R2dbcTx connection;
    private final long key;
    private final AtomicBoolean released = new AtomicBoolean();

    R2dbcLock(R2dbcTx connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    public long key() {
        return key;
    }

    /** Unlocks and returns the connection; completes at once when already released. */
    public Mono<Void> release() {
        return Mono.defer(() -> released.compareAndSet(false, true)
                ? connection.execute(LockSql.unlock(key)).then(connection.release())
                        .onErrorResume(e -> connection.release().then(Mono.error(e)))
                : Mono.empty());
    }
}
