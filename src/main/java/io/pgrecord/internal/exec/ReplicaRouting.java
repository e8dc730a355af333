package io.pgrecord.internal.exec;

import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.error.ConnectionException;
import io.pgrecord.error.SerializationFailureException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Where a backend with replicas sends a routed read, decided once for both executors: the read
 * becomes {@link Work} that probes a replica's replay position, waits with a bounded backoff
 * for the backend's latest commit, and runs on that replica ({@link Work.On}), or else on the
 * primary. A replica that cannot be reached is skipped for {@link #DOWN_FOR}; one that lags
 * more than {@code maxLag} is skipped until a probe finds it caught up. Routing never fails a
 * read the primary could serve. Thread-safe; one per backend with replicas.
 *
 * <p>Lag follows API.md: a replica lags when a position the primary had {@code maxLag} ago is
 * still not replayed. The primary's positions are the commits made through this backend and a
 * sample of {@code pg_current_wal_lsn()} taken at most once per {@link #refresh}.
 */
public final class ReplicaRouting {

    /** How long a replica that could not be reached is left alone. */
    static final Duration DOWN_FOR = Duration.ofSeconds(5);
    static final Duration REPLICA_POOL_TIMEOUT = Duration.ofSeconds(1);
    /** The first wait for a replica to replay a commit; doubled up to {@link #MAX_PAUSE}. */
    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(2).toNanos();
    private static final long MAX_PAUSE_NANOS = Duration.ofMillis(100).toNanos();

    /** The WAL insert position: at or past every commit already acknowledged. */
    public static final String COMMIT_LSN_SQL = "select pg_current_wal_insert_lsn()::text";

    private final ReplicaState[] replicas;
    private final long readYourWritesNanos;
    private final long maxLagNanos;
    private final long refresh;
    private final AtomicLong lastCommit = new AtomicLong(Lsn.NONE);
    private final PrimaryPositions primary;
    private final AtomicInteger next = new AtomicInteger();
    /**
     * Writes that committed on their own where no position was read (raw {@code dsl()} outside a
     * transaction), counted; {@link #sampledThrough} is the count a later read of the primary's
     * position covers. While they differ, a routed read first reads the position.
     */
    private final AtomicLong unknownWrites = new AtomicLong();
    private final AtomicLong sampledThrough = new AtomicLong();

    public ReplicaRouting(int replicas, Duration readYourWrites, Duration maxLag) {
        this.replicas = new ReplicaState[replicas];
        for (int i = 0; i < replicas; i++) {
            this.replicas[i] = new ReplicaState();
        }
        this.readYourWritesNanos = nanos(readYourWrites);
        this.maxLagNanos = nanos(maxLag);
        // fresh enough to notice lag well within maxLag, and at most a probe per second per replica
        this.refresh = Math.max(Duration.ofMillis(50).toNanos(), Math.min(maxLagNanos / 4, Duration.ofSeconds(1).toNanos()));
        this.primary = new PrimaryPositions(maxLagNanos);
    }

    /** A century: past it a wait or a lag bound means "for ever", and its nanoseconds still leave room to add to a clock. */
    private static final Duration FOR_EVER = Duration.ofDays(36_500);

    private static long nanos(Duration d) {
        return d.compareTo(FOR_EVER) > 0 ? FOR_EVER.toNanos() : d.toNanos();
    }

    /** The routing of a backend on {@code config}; null without replicas, so such a backend pays nothing. */
    public static @Nullable ReplicaRouting of(PostgresConnectionConfig config) {
        return config.replicas().isEmpty() ? null
                : new ReplicaRouting(config.replicas().size(), config.readYourWrites(), config.maxReplicaLag());
    }

    /**
     * A replica's config as its pool uses it: waiting at most {@link #REPLICA_POOL_TIMEOUT} for a
     * connection, so a replica that is down or saturated sends reads to the next server quickly.
     */
    public static PostgresConnectionConfig pooled(PostgresConnectionConfig replica) {
        return replica.poolTimeout().compareTo(REPLICA_POOL_TIMEOUT) <= 0 ? replica
                : replica.toBuilder().poolTimeout(REPLICA_POOL_TIMEOUT).build();
    }

    /**
     * Remembers the primary's WAL position after a commit made through the backend (any thread).
     *
     * @param writesBefore {@link #unknownWrites()} read before the position was: the writes it covers
     */
    public void committed(String lsnText, long writesBefore) {
        long lsn = Lsn.parse(lsnText);
        lastCommit.accumulateAndGet(lsn, (a, b) -> Lsn.reached(a, b) ? a : b);
        primary.add(System.nanoTime(), lsn);
        sampledThrough.accumulateAndGet(writesBefore, Math::max);
    }

    /** A write committed on its own whose position was not read: the next routed read reads it first. */
    public void unknownWrite() {
        unknownWrites.incrementAndGet();
    }

    /** How many such writes there were so far: read it before reading the position that will cover them. */
    public long unknownWrites() {
        return unknownWrites.get();
    }

    /**
     * The read as routed work: on a usable replica, else on the primary. A read-only transaction
     * (a read with a timeout) is left as it is: the transaction manager routes it as a whole.
     */
    public <T> Work<T> route(Work<T> read) {
        if (read instanceof Work.Pinned<?> p && p.readOnly()) {
            return read;
        }
        return choose(server -> read, 0L, System.nanoTime() + readYourWritesNanos);
    }

    /**
     * Work choosing a server as a routed read would, with its probes and waits, and returning
     * its index, or {@link Work#PRIMARY}: for raw jOOQ ({@code replicaDsl()}) and read-only
     * transactions, which hold on to the server once chosen (the reactive {@code replicaDsl()}
     * for one statement).
     */
    public Work<Integer> server() {
        return choose(Work::done, 0L, System.nanoTime() + readYourWritesNanos);
    }

    /**
     * Whether a replica's failure moves the read to the next server: the connection failed or was
     * lost, or the standby cancelled the read for a conflict with recovery (SQLSTATE 40001,
     * which a read outside a transaction meets on a standby only so).
     */
    public static boolean movesOn(Throwable failure) {
        return failure instanceof ConnectionException || failure instanceof SerializationFailureException;
    }

    /** Marks a replica unreachable, after a connection to it failed. */
    public void down(int replica) {
        replicas[replica].downUntil = System.nanoTime() + DOWN_FOR.toNanos();
    }

    /** @param read the read to run on a server, given its index */
    private <T> Work<T> choose(IntFunction<Work<T>> read, long tried, long deadline) {
        long writes = unknownWrites.get();
        if (writes != sampledThrough.get()) {
            // a raw write committed since the last position read: its position, before any replica
            return Work.fetch(lsnQuery("pg_current_wal_insert_lsn()")).then(rows -> {
                committed(text(rows), writes);
                return choose(read, tried, deadline);
            });
        }
        long now = System.nanoTime();
        int i = pick(tried, now);
        if (i == Work.PRIMARY) {
            return read.apply(Work.PRIMARY);
        }
        long without = tried | (1L << i);
        Function<RuntimeException, Work<T>> lost = e -> {
            down(i);
            return choose(read, without, deadline);
        };
        Work<T> serve = new Work.On<>(i, read.apply(i), Work::done, lost);
        ReplicaState r = replicas[i];
        if (r.checkedAt != 0 && now - r.checkedAt < refresh && Lsn.reached(r.replay, lastCommit.get())) {
            return serve;
        }
        Work<T> probe = probe(i, read, without, deadline, serve, lost, FIRST_PAUSE_NANOS);
        if (!primary.sampledSince(now - refresh)) {
            return Work.fetch(lsnQuery("pg_current_wal_lsn()")).then(rows -> {
                primary.add(System.nanoTime(), Lsn.parse(text(rows)));
                return probe;
            });
        }
        return probe;
    }

    /**
     * A round-robin replica that was not tried, is not down and was not last seen lagging or not
     * replaying at all (not a standby: promoted, or misconfigured); else the primary.
     */
    private int pick(long tried, long now) {
        for (int n = 0; n < replicas.length; n++) {
            int i = Math.floorMod(next.getAndIncrement(), replicas.length);
            ReplicaState r = replicas[i];
            boolean lagged = r.checkedAt != 0 && now - r.checkedAt < refresh
                    && (r.replay == Lsn.NONE || primary.lagging(r.replay, r.checkedAt));
            if ((tried & (1L << i)) == 0 && !r.isDown(now) && !lagged) {
                return i;
            }
        }
        return Work.PRIMARY;
    }

    private <T> Work<T> probe(int i, IntFunction<Work<T>> read, long without, long deadline, Work<T> serve,
            Function<RuntimeException, Work<T>> lost, long pause) {
        Work<Long> replay = Work.fetch(lsnQuery("pg_last_wal_replay_lsn()")).map(rows -> Lsn.parse(text(rows)));
        return new Work.On<>(i, replay, lsn -> {
            long now = System.nanoTime();
            ReplicaState r = replicas[i];
            r.replay = lsn;
            r.checkedAt = now;
            if (lsn == Lsn.NONE || primary.lagging(lsn, now)) {
                // not a standby at all (promoted, or misconfigured), or too far behind
                return choose(read, without, deadline);
            }
            if (Lsn.reached(lsn, lastCommit.get())) {
                return serve;
            }
            long left = deadline - now;
            if (left <= 0) {
                return choose(read, without, deadline);
            }
            long wait = Math.min(pause, left);
            return new Work.Pause<>(Duration.ofNanos(wait),
                    () -> probe(i, read, without, deadline, serve, lost, Math.min(pause * 2, MAX_PAUSE_NANOS)));
        }, lost);
    }

    private static ResultQuery<? extends Record> lsnQuery(String function) {
        // a Select, so the runners do not take it for a write
        return DSL.select(DSL.field(function + "::text", String.class));
    }

    private static String text(List<? extends Record> rows) {
        return rows.isEmpty() ? null : rows.get(0).get(0, String.class);
    }

    /** What is known of one replica. Fields are written by whichever thread probed last. */
    private static final class ReplicaState {
        volatile long replay = Lsn.NONE;
        volatile long checkedAt;
        volatile long downUntil;

        boolean isDown(long now) {
            return downUntil != 0 && now - downUntil < 0;
        }
    }
}
