package io.pgrecord.testing;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.StatementLog;
import io.pgrecord.TransactionOptions;
import io.pgrecord.models.AsyncEvent;
import io.pgrecord.models.Event;
import java.time.Duration;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * The {@code events} model on a backend with replicas, blocking or reactive, so a routing
 * scenario is written once. {@code pg_is_in_recovery()} in a condition tells where a read ran:
 * it is true only on a standby.
 */
public final class RoutedEvents implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PostgresBackend blocking;
    private final AsyncPostgresBackend async;

    private RoutedEvents(PostgresBackend blocking, AsyncPostgresBackend async) {
        this.blocking = blocking;
        this.async = async;
    }

    /** A new backend of the given kind on {@code config}, connected; close it. */
    public static RoutedEvents open(Exec exec, PostgresConnectionConfig config) {
        if (exec == Exec.JDBC) {
            return new RoutedEvents(new PostgresBackend(config).connect(), null);
        }
        AsyncPostgresBackend a = new AsyncPostgresBackend(config);
        a.connect().block(WAIT);
        return new RoutedEvents(null, a);
    }

    /** The same backend's {@code primary()} view. */
    public RoutedEvents primaryView() {
        return blocking != null ? new RoutedEvents(blocking.primary(), null) : new RoutedEvents(null, async.primary());
    }

    /** Saves an event through the backend and returns its id. */
    public long insert(String payload) {
        if (blocking != null) {
            Event e = new Event().using(blocking);
            e.payload = payload;
            e.save();
            return e.id;
        }
        AsyncEvent e = new AsyncEvent().using(async);
        e.payload = payload;
        e.save().block(WAIT);
        return e.id;
    }

    /** A routed count of the events matching {@code where}. */
    public long count(String where, Object... binds) {
        return blocking != null ? Event.find.using(blocking).where(where, binds).count()
                : AsyncEvent.find.using(async).where(where, binds).count().block(WAIT);
    }

    /** The events matching {@code where}, counted from a routed {@code stream()}. */
    public long streamed(String where, Object... binds) {
        if (blocking != null) {
            try (Stream<Event> rows = Event.find.using(blocking).where(where, binds).stream()) {
                return rows.count();
            }
        }
        return AsyncEvent.find.using(async).where(where, binds).stream().count().block(WAIT);
    }

    /** The same count pinned to the primary with {@code onPrimary()}. */
    public long countOnPrimary(String where, Object... binds) {
        return blocking != null ? Event.find.using(blocking).onPrimary().where(where, binds).count()
                : AsyncEvent.find.using(async).onPrimary().where(where, binds).count().block(WAIT);
    }

    /** Whether {@code findById} ran on a standby: the row is found only where the condition holds. */
    public boolean findByIdOnStandby(long id) {
        String sql = "pg_is_in_recovery() and id = ?";
        return blocking != null ? Event.find.using(blocking).where(sql, id).first().isPresent()
                : AsyncEvent.find.using(async).where(sql, id).first().blockOptional(WAIT).isPresent();
    }

    /** {@code pg_is_in_recovery()} on the server {@code replicaDsl()} runs on. */
    public boolean replicaDslInRecovery() {
        String sql = "select pg_is_in_recovery()";
        if (blocking != null) {
            return blocking.replicaDsl().fetchOne(sql).get(0, Boolean.class);
        }
        return Mono.from(async.replicaDsl().resultQuery(sql)).map(r -> r.get(0, Boolean.class)).block(WAIT);
    }

    /** Runs a statement through {@code replicaDsl()}. */
    public void executeOnReplicaDsl(String sql) {
        if (blocking != null) {
            blocking.replicaDsl().execute(sql);
        } else {
            Mono.from(async.replicaDsl().query(sql)).block(WAIT);
        }
    }

    /** The count of events matching {@code where}, in a read-write transaction. */
    public long countInTransaction(String where, Object... binds) {
        if (blocking != null) {
            return blocking.transactionManager().inTransaction(() -> Event.find.using(blocking).where(where, binds).count());
        }
        return async.transactionManager().inTransaction(dsl -> AsyncEvent.find.using(async).where(where, binds).count())
                .blockLast(WAIT);
    }

    /** Runs a statement through the backend's raw {@code dsl()}, on the primary. */
    public void execute(String sql) {
        if (blocking != null) {
            blocking.dsl().execute(sql);
        } else {
            Mono.from(async.dsl().query(sql)).block(WAIT);
        }
    }

    /** The count of events matching {@code where}, in a read-only transaction. */
    public long countInReadOnlyTransaction(String where, Object... binds) {
        if (blocking != null) {
            return blocking.transactionManager().inTransaction(TransactionOptions.readOnly(),
                    () -> Event.find.using(blocking).where(where, binds).count());
        }
        return async.transactionManager().inTransaction(TransactionOptions.readOnly(),
                dsl -> AsyncEvent.find.using(async).where(where, binds).count()).blockLast(WAIT);
    }

    /** The events matching {@code where}, counted from a routed {@code stream()} with {@code timeout(...)}. */
    public long streamedWithTimeout(Duration timeout, String where, Object... binds) {
        if (blocking != null) {
            try (Stream<Event> rows = Event.find.using(blocking).where(where, binds).timeout(timeout).stream()) {
                return rows.count();
            }
        }
        return AsyncEvent.find.using(async).where(where, binds).timeout(timeout).stream().count().block(WAIT);
    }

    /** A routed count with {@code timeout(...)}. */
    public long countWithTimeout(Duration timeout, String where, Object... binds) {
        return blocking != null ? Event.find.using(blocking).where(where, binds).timeout(timeout).count()
                : AsyncEvent.find.using(async).where(where, binds).timeout(timeout).count().block(WAIT);
    }

    /** {@code select count(*) from events where ...} through {@code replicaDsl()}. */
    public long replicaDslCount(String where) {
        String sql = "select count(*) from events where " + where;
        if (blocking != null) {
            return blocking.replicaDsl().fetchOne(sql).get(0, Long.class);
        }
        return Mono.from(async.replicaDsl().resultQuery(sql)).map(r -> r.get(0, Long.class)).block(WAIT);
    }

    /** {@code pg_is_in_recovery()} through the backend's own {@code dsl()}, inside a read-only transaction. */
    public boolean dslInRecoveryInReadOnlyTransaction() {
        String sql = "select pg_is_in_recovery()";
        if (blocking != null) {
            return blocking.transactionManager().inTransaction(TransactionOptions.readOnly(),
                    () -> blocking.dsl().fetchOne(sql).get(0, Boolean.class));
        }
        return async.transactionManager().inTransaction(TransactionOptions.readOnly(),
                dsl -> Mono.from(async.dsl().resultQuery(sql)).map(r -> r.get(0, Boolean.class))).blockLast(WAIT);
    }

    /** {@code notify(channel, payload)} inside a read-only transaction. */
    public void notifyInReadOnlyTransaction(String channel, String payload) {
        if (blocking != null) {
            blocking.transactionManager().inTransaction(TransactionOptions.readOnly(), () -> {
                blocking.notify(channel, payload);
                return null;
            });
            return;
        }
        async.transactionManager().inTransaction(TransactionOptions.readOnly(), dsl -> async.notify(channel, payload))
                .blockLast(WAIT);
    }

    public StatementLog log() {
        return blocking != null ? blocking.statementLog() : async.statementLog();
    }

    @Override
    public void close() {
        if (blocking != null) {
            blocking.close();
        } else {
            async.close();
        }
    }
}
