package io.pgrecord;

import io.pgrecord.internal.r2dbc.R2dbcTx;
import io.pgrecord.internal.tx.LockSql;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/** The reactive twin of {@link AdvisoryLock}: {@link #release()} unlocks and returns the connection. */
public final class AsyncAdvisoryLock {

    private final R2dbcTx connection;
    private final long key;
    private final AtomicBoolean released = new AtomicBoolean();

    AsyncAdvisoryLock(R2dbcTx connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    public long key() {
        return key;
    }

    /** Unlocks; completes at once when already released. */
    public Mono<Void> release() {
        return Mono.defer(() -> released.compareAndSet(false, true)
                ? connection.execute(LockSql.unlock(key)).then(connection.release())
                        .onErrorResume(e -> connection.release().then(Mono.error(e)))
                : Mono.empty());
    }
}
