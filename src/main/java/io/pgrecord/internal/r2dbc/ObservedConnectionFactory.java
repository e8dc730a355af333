package io.pgrecord.internal.r2dbc;

import io.pgrecord.internal.error.Causes;
import io.pgrecord.internal.error.ErrorTranslator;
import io.pgrecord.internal.exec.StatementRecorder;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The pool as jOOQ and the model executor see it. jOOQ runs no {@code ExecuteListener} on
 * R2DBC (jOOQ #12221), so statement logging and error translation happen here, outside the pool
 * so that its own validation queries stay out of the log.
 */
public final class ObservedConnectionFactory implements ConnectionFactory {

    private final ConnectionFactory pool;
    private final boolean owned;
    private final String name;
    private final StatementRecorder recorder;
    private final int maxSize;
    private final Duration timeout;
    /** What an acquisition of pgrecord's own pool gives when it waited the pool timeout. */
    private final Mono<Object> timedOut;

    /**
     * @param pool pgrecord's own r2dbc pool, or the application's factory
     * @param owned whether {@link #dispose(boolean)} closes the pool: never the application's
     */
    ObservedConnectionFactory(ConnectionFactory pool, boolean owned, String name, StatementRecorder recorder, int maxSize,
            Duration timeout) {
        this.pool = pool;
        this.owned = owned;
        this.name = name;
        this.recorder = recorder;
        this.maxSize = maxSize;
        this.timeout = timeout;
        this.timedOut = Mono.error(() -> new TimeoutException("no connection of pool " + name + " within " + timeout));
    }

    /** HikariCP's rule: a connection idle this long is checked with a round trip before it is lent. */
    private static final long CHECK_AFTER_IDLE = TimeUnit.MILLISECONDS.toNanos(500);

    /**
     * When each physical connection was last given back, for {@link #CHECK_AFTER_IDLE}: set in
     * place, so that giving a connection back updates no map (no lock, no boxed time).
     */
    private final ConcurrentHashMap<Connection, AtomicLong> released = new ConcurrentHashMap<>();
    private volatile Runnable autocommitWrite;
    /** Set when the pool closes with its backend: see {@link #dispose(boolean)}. */
    private volatile boolean closedForGood;

    /**
     * The subscriber's transaction's connection when its Reactor context holds one of this pool
     * (jOOQ passes the context on through {@link ReactorSubscribers}), so raw {@code dsl()}
     * publishers join it; a pooled connection otherwise.
     */
    @Override
    public Publisher<? extends Connection> create() {
        return Mono.deferContextual(context -> {
            R2dbcTx tx = context.getOrDefault(this, null);
            return tx != null ? tx.joined() : acquire();
        });
    }

    /**
     * A pooled connection of its own, whatever transaction the subscriber is in: for
     * transactions, locks and work already routed by its scope. Waits at most the pool timeout
     * for one, as HikariCP does: a timed-out acquisition is not retried (r2dbc-pool's
     * {@code acquireRetry} would retry it, multiplying the wait), while a dead connection,
     * which fails fast, is dropped and the next one tried while time is left.
     */
    public Mono<Connection> acquire() {
        return Mono.defer(() -> acquire(System.nanoTime() + timeout.toNanos(), maxSize + 1));
    }

    /** In place of a connection: the pool's failure is one to try the next connection after. */
    private static final Object NEXT = new Object();
    private static final Mono<Object> TRY_NEXT = Mono.just(NEXT);

    /**
     * A pooled connection, checked with a round trip when it has been idle a while or a
     * connection has been lost since it was last used (the server may have dropped it too);
     * a dead one is closed and the next one tried. The pool itself only checks locally, which
     * costs nothing on the hot path. Each failure is described ({@code acquireFailure}) once,
     * where it happens, so the hot path has no operator of its own for it.
     */
    private Mono<Connection> acquire(long deadline, int attempts) {
        Mono<Object> pooled = Mono.from(pool.create());
        if (owned) {
            // the pool's own maxAcquireTime is left unset: Reactor's timeout without a fallback
            // writes a description of its source into a new string on every acquisition
            pooled = pooled.timeout(Mono.delay(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))), timedOut);
        }
        return pooled
                .onErrorResume(e -> closedForGood && shutDown(e) ? Mono.error(new IllegalStateException("backend is closed"))
                        : retry(e, deadline, attempts) ? TRY_NEXT : Mono.error(acquireFailure(e)))
                .flatMap(c -> c == NEXT ? acquire(deadline, attempts - 1) : live((Connection) c, deadline, attempts));
    }

    /** The connection, checked when due; when it was dead, it is dropped and the next one tried. */
    private Mono<Connection> live(Connection c, long deadline, int attempts) {
        Connection physical = physical(c);
        AtomicLong releasedAt = released.get(physical);
        long last = releasedAt == null ? 0 : releasedAt.get();
        long now = System.nanoTime();
        if (releasedAt == null || (now - last < CHECK_AFTER_IDLE && last - R2dbcErrors.connectionLostAt() > 0)) {
            return Mono.just(new ObservedConnection(c, this, physical));
        }
        return Mono.from(c.validate(ValidationDepth.REMOTE)).onErrorMap(this::acquireFailure).flatMap(alive -> {
            if (alive) {
                return Mono.just(new ObservedConnection(c, this, physical));
            }
            released.remove(physical);
            Mono<Void> discard = Mono.from(physical.close()).onErrorResume(e -> Mono.empty())
                    .then(Mono.from(c.close()).onErrorResume(e -> Mono.empty()));
            return attempts > 1 && deadline - System.nanoTime() > 0 ? discard.then(Mono.defer(() -> acquire(deadline, attempts - 1)))
                    : discard.then(Mono.error(() -> acquireFailure(new R2dbcNonTransientResourceException(
                            "no live connection after " + maxSize + " attempts"))));
        });
    }

    /**
     * Whether a failed acquisition is tried again: not after a timeout, which has already waited
     * its share, nor once the attempts or the time are used up; a connection that failed the
     * pool's local check (closed since it was pooled) is.
     */
    private static boolean retry(Throwable e, long deadline, int attempts) {
        return attempts > 1 && deadline - System.nanoTime() > 0
                && !Causes.has(e, TimeoutException.class, R2dbcTimeoutException.class);
    }

    /** r2dbc-pool's {@code PoolShutdownException} (reactor-pool is not a module this one reads). */
    private static boolean shutDown(Throwable e) {
        return e.getClass().getName().equals("reactor.pool.PoolShutdownException");
    }

    private static Connection physical(Connection pooled) {
        return pooled instanceof Wrapped<?> w && w.unwrap() instanceof Connection inner ? inner : pooled;
    }

    /** Notes when a connection went back to the pool. */
    void released(Connection physical) {
        if (released.size() > 4 * maxSize) {
            released.clear();   // connections the pool dropped; the survivors are checked once
        }
        AtomicLong releasedAt = released.get(physical);
        if (releasedAt != null) {
            releasedAt.set(System.nanoTime());
        } else {
            released.put(physical, new AtomicLong(System.nanoTime()));
        }
    }

    private Throwable acquireFailure(Throwable failure) {
        if (Causes.has(failure, TimeoutException.class, R2dbcTimeoutException.class)
                && !Causes.has(failure, IOException.class)) {
            // the application's factory: its size and timeout are its own, not maxSize and timeout here
            if (!owned) {
                return ErrorTranslator.applicationPoolExhausted("ConnectionFactory", failure);
            }
            // no connection in use: the pool was not exhausted, the server did not finish connecting
            boolean noneInUse = ownPool().flatMap(ConnectionPool::getMetrics).map(m -> m.acquiredSize() == 0).orElse(false);
            return noneInUse ? ErrorTranslator.serverNotConnecting(name, timeout, failure)
                    : ErrorTranslator.poolExhausted(name, maxSize, timeout, failure);
        }
        return R2dbcErrors.translate(failure);
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return pool.getMetadata();
    }

    StatementRecorder recorder() {
        return recorder;
    }

    /** A failure of {@code sql} as the application sees it: translated, and masked where it names a sensitive column. */
    Throwable failed(String sql, Throwable failure) {
        return recorder.masked(R2dbcErrors.translate(failure), sql);
    }

    /**
     * Tells {@code hook} of each connection that goes back after a write that committed on its
     * own, outside any transaction (a raw {@code dsl()} write): a backend with replicas reads the
     * primary's position before its next routed read. Model writes report their position themselves.
     */
    void onAutocommitWrite(Runnable hook) {
        this.autocommitWrite = hook;
    }

    boolean tracksAutocommitWrites() {
        return autocommitWrite != null;
    }

    void autocommitWrote() {
        Runnable hook = autocommitWrite;
        if (hook != null) {
            hook.run();
        }
    }

    /** pgrecord's own pool; empty for the application's factory. */
    java.util.Optional<ConnectionPool> ownPool() {
        return owned && pool instanceof ConnectionPool p ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    /**
     * A connection for the listener to keep: from the driver's factory behind pgrecord's own
     * pool, outside its budget; from the application's factory otherwise, which counts it.
     */
    Mono<Connection> dedicated() {
        ConnectionFactory source = ownPool().map(ConnectionPool::unwrap).orElse(pool);
        return Mono.<Connection>from(source.create()).onErrorMap(R2dbcErrors::translate);
    }

    /**
     * Closes pgrecord's own pool; leaves the application's factory alone. {@code forGood}: with
     * the backend, whose subscribers still waiting for a connection then get the closed
     * backend's error rather than the pool's {@code PoolShutdownException}.
     */
    Mono<Void> dispose(boolean forGood) {
        closedForGood |= forGood;
        return ownPool().map(ConnectionPool::disposeLater).orElse(Mono.empty());
    }
}
