package io.pgrecord.internal.jdbc;

import io.pgrecord.Capabilities;
import io.pgrecord.error.ConnectionException;
import io.pgrecord.error.QueryCanceledException;
import io.pgrecord.error.ServerErrorFields;
import io.pgrecord.internal.error.UnreadableColumnException;
import io.pgrecord.internal.exec.ReplicaRouting;
import io.pgrecord.internal.exec.RowTarget;
import io.pgrecord.internal.exec.Shape;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.exec.StatementTimeout;
import io.pgrecord.internal.exec.StatementTiming;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.tx.TxSql;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.ConnectionProvider;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.postgresql.PGConnection;

/** Runs {@link Work} on the blocking backend's jOOQ context, which joins the thread's transaction. */
public final class JdbcRunner {

    private final Supplier<JdbcRuntime> runtime;
    private final Supplier<Capabilities> capabilities;
    private final StatementRecorder log;
    private final BiFunction<Boolean, Supplier<Object>, Object> transactional;
    private final ConcurrentHashMap<Object, Object> memo = new ConcurrentHashMap<>();
    private final JdbcReplicas replicas;
    private final BooleanSupplier inTransaction;
    private final Supplier<Consumer<Runnable>> undoLog;
    /** Numbers the savepoints of timed streams. */
    private final AtomicInteger timedStreams = new AtomicInteger();

    /**
     * @param transactional runs a step in a transaction of the calling thread (a savepoint when
     *     one is already open), read-only when asked: the backend's transaction manager
     */
    public JdbcRunner(Supplier<JdbcRuntime> runtime, Supplier<Capabilities> capabilities,
            StatementRecorder log, BiFunction<Boolean, Supplier<Object>, Object> transactional) {
        this(runtime, capabilities, log, transactional, null, () -> false, () -> null);
    }

    /**
     * @param replicas the backend's replicas, or null without any
     * @param inTransaction whether the calling thread has a transaction open
     * @param undoLog the undo log of the thread's transaction, or null outside one (see {@link Work.Tracked})
     */
    JdbcRunner(Supplier<JdbcRuntime> runtime, Supplier<Capabilities> capabilities, StatementRecorder log,
            BiFunction<Boolean, Supplier<Object>, Object> transactional, JdbcReplicas replicas, BooleanSupplier inTransaction,
            Supplier<Consumer<Runnable>> undoLog) {
        this.runtime = runtime;
        this.capabilities = capabilities;
        this.log = log;
        this.transactional = transactional;
        this.replicas = replicas;
        this.inTransaction = inTransaction;
        this.undoLog = undoLog;
    }

    /**
     * Runs a read: on a replica when {@code routable}, the backend has replicas and the thread
     * has no transaction open (it then joins the transaction); else as {@link #run(Function)}.
     */
    public <T> T read(Function<Capabilities, Work<T>> plan, boolean routable) {
        Work<T> work = plan.apply(capabilities.get());
        return run(routes(routable) ? replicas.routing().route(work) : routable ? work : Work.onPrimary(work));
    }

    private boolean routes(boolean routable) {
        return routable && replicas != null && !inTransaction.getAsBoolean();
    }

    /** Plans with the server's capabilities (so gates fail before SQL), then runs. */
    public <T> T run(Function<Capabilities, Work<T>> plan) {
        return run(plan.apply(capabilities.get()));
    }

    public <T> T run(Work<T> work) {
        if (WriteIsolation.active() && Work.mayWrite(work) && inTransaction.getAsBoolean()) {
            return isolated(work);
        }
        return run(work, runtime.get().dsl());
    }

    private static void unlogged(Connection c, String sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The work inside a savepoint of the thread's transaction, rolled back to if it fails (see {@link WriteIsolation}). */
    private <T> T isolated(Work<T> work) {
        DSLContext dsl = runtime.get().dsl();
        ConnectionProvider provider = dsl.configuration().connectionProvider();
        Connection c = provider.acquire();
        try {
            // sent past the statement log: the test's own bookkeeping, not its statements
            unlogged(c, "SAVEPOINT pgrecord_write");
            T value;
            try {
                value = run(work, dsl);
            } catch (Throwable e) {
                // Throwable: a hook may throw a checked exception undeclared (Lombok's @SneakyThrows, Kotlin)
                try {
                    unlogged(c, "ROLLBACK TO SAVEPOINT pgrecord_write");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
            unlogged(c, "RELEASE SAVEPOINT pgrecord_write");
            return value;
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        } finally {
            provider.release(c);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T run(Work<T> work, DSLContext ctx) {
        Work<T> w = work;
        while (true) {
            Work<T> step = w;
            switch (step) {
                case Work.Done<T> d -> {
                    return d.value();
                }
                case Work.Fetch<T> f -> w = f.next().apply(fetch(ctx, f));
                case Work.Rows<T> r -> w = r.next().apply(rows(ctx, r));
                case Work.Execute<T> e -> w = e.next().apply(ctx.execute(e.query()));
                case Work.Copy<T> c -> w = c.next().apply(copy(ctx, c));
                case Work.Memo<?, T> m -> w = memo(m, ctx);
                case Work.Pinned<T> p -> {
                    Object value;
                    try {
                        value = transactional.apply(p.readOnly(), () -> run(p.inner(), ctx));
                    } catch (Throwable e) {
                        // a checked exception thrown undeclared (a hook's) rolls back too
                        p.rolledBack();
                        throw e;
                    }
                    w = p.next().apply(value);
                }
                case Work.On<?, T> o -> w = on(o, ctx);
                case Work.Pause<T> p -> {
                    pause(p.delay());
                    w = p.next().get();
                }
                case Work.Tracked<T> t -> {
                    Runnable undo = t.captured(undoLog.get());
                    if (undo == null) {
                        w = t.plan();
                        break;
                    }
                    try {
                        return run(t.plan(), ctx);
                    } catch (Throwable e) {
                        // a checked exception thrown undeclared (a hook's) puts the instances back too
                        undo.run();
                        throw e;
                    }
                }
            }
            if (replicas != null && Work.writes(step) && !inTransaction.getAsBoolean()) {
                // an autocommit write: later routed reads wait for a replica to replay it
                replicas.committed(ctx);
            }
        }
    }

    /** Runs work on the server it names; a connection failure there continues with its fallback. */
    private <X, T> Work<T> on(Work.On<X, T> o, DSLContext primary) {
        X value;
        try {
            value = run(o.inner(), replicas.dsl(o.server(), primary));
        } catch (RuntimeException e) {
            if (!ReplicaRouting.movesOn(e)) {
                throw e;
            }
            return o.lost().apply(e);
        }
        return o.next().apply(value);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryCanceledException("interrupted while waiting for a replica",
                    ServerErrorFields.of("57014", "interrupted while waiting for a replica"), e);
        }
    }

    /**
     * The jOOQ context of a server chosen as a routed read would be, for raw jOOQ outside a
     * transaction; the primary's when no replica is usable.
     */
    public DSLContext replicaDsl() {
        DSLContext primary = runtime.get().dsl();
        if (replicas == null) {
            return primary;
        }
        int server = run(replicas.routing().server());
        try {
            return replicas.dsl(server, primary);
        } catch (ConnectionException e) {
            replicas.routing().down(server);
            return primary;
        }
    }

    @SuppressWarnings("unchecked")
    private <X, T> Work<T> memo(Work.Memo<X, T> m, DSLContext ctx) {
        X value = (X) memo.get(m.key());
        if (value == null) {
            value = run(m.lookup(), ctx);
            if (value != null) {
                memo.put(m.key(), value);
            }
        }
        return m.next().apply(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Record> fetch(DSLContext ctx, Work.Fetch<?> f) {
        try {
            return (List<Record>) (List<?>) ctx.fetch(f.query());
        } catch (UnreadableColumnException e) {
            throw RowTarget.describe(f.target(), e);
        }
    }

    private List<Object[]> rows(DSLContext ctx, Work.Rows<?> r) {
        Shape.Bound bound = r.direct(false);
        try {
            if (bound == null) {
                return Work.arrays(ctx.fetch(r.query()));
            }
            return runtime.get().direct().rows(ctx.configuration().connectionProvider(), bound.shape().jdbcSql(),
                    bound.values(), bound.shape().kinds(), r.columns(), bound.shape().maxRows());
        } catch (UnreadableColumnException e) {
            throw RowTarget.describe(r.target(), e);
        }
    }

    private long copy(DSLContext ctx, Work.Copy<?> c) {
        ConnectionProvider provider = ctx.configuration().connectionProvider();
        Connection connection = provider.acquire();
        StatementTiming timing = log.start(c.sql());
        try {
            InputStream in = new SequenceInputStream(Collections.enumeration(
                    c.data().stream().map(ByteArrayInputStream::new).toList()));
            long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(c.sql(), in);
            if (timing != null) {
                timing.succeeded(rows, List::of);
            }
            return rows;
        } catch (SQLException | IOException e) {
            RuntimeException translated = log.masked(JdbcErrors.translate(e), c.sql());
            if (timing != null) {
                timing.failed(translated, List::of);
            }
            throw translated;
        } finally {
            provider.release(connection);
        }
    }

    /**
     * Streams a query through a server-side cursor: pgjdbc only uses one with autocommit off,
     * so outside a transaction the stream gets its own connection in a transaction that ends
     * when the stream is closed.
     */
    public Stream<Record> stream(ResultQuery<Record> query, int fetchSize) {
        return stream(query, fetchSize, false);
    }

    /** As {@link #stream(ResultQuery, int)}, from a replica when {@code routable} (see {@link #read}). */
    public Stream<Record> stream(ResultQuery<Record> query, int fetchSize, boolean routable) {
        return stream(query, fetchSize, routable, null);
    }

    /**
     * As {@link #stream(ResultQuery, int, boolean)}, with {@code statement_timeout} set locally
     * for the cursor's statements when {@code timeout} is not null (see {@link #timed}).
     */
    public Stream<Record> stream(ResultQuery<Record> query, int fetchSize, boolean routable, Duration timeout) {
        DSLContext base = routes(routable) ? replicaDsl() : runtime.get().dsl();
        ConnectionProvider provider = base.configuration().connectionProvider();
        Connection c = provider.acquire();
        boolean ownTransaction;
        try {
            // pgjdbc only opens a cursor with autocommit off; inside a transaction one is already open
            ownTransaction = c.getAutoCommit() && !JdbcStatements.inTransaction(c);
            if (ownTransaction) {
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            provider.release(c);
            throw JdbcErrors.translate(e);
        }
        Runnable untimed = null;
        try {
            DSLContext pinned = DSL.using(base.configuration().derive(new DefaultConnectionProvider(c)));
            untimed = timeout == null ? null : timed(pinned, c, ownTransaction, timeout);
            Cursor<Record> cursor = pinned.fetchLazy(query.fetchSize(fetchSize));
            Runnable end = untimed;
            return cursor.stream().onClose(() -> finish(cursor, c, provider, ownTransaction, end));
        } catch (RuntimeException e) {
            finish(null, c, provider, ownTransaction, untimed);
            throw e;
        }
    }

    /**
     * Sets {@code statement_timeout} locally ({@link StatementTimeout}) on the stream's connection,
     * and returns what ends that before the connection goes back: nothing in the stream's own
     * transaction, whose rollback ends it; in the caller's, it is made in a savepoint, as a
     * timed terminal's is, which is rolled back to when the stream failed, else released with
     * the setting before put back.
     */
    private Runnable timed(DSLContext pinned, Connection c, boolean ownTransaction, Duration timeout) {
        if (ownTransaction) {
            pinned.fetch(StatementTimeout.set(timeout));
            return null;
        }
        // one name per stream: two streams of one transaction may close in any order
        String savepoint = "pgrecord_stream_" + timedStreams.incrementAndGet();
        JdbcStatements.execute(c, TxSql.savepoint(savepoint), log);
        String before;
        try {
            before = pinned.fetchOne(StatementTimeout.set(timeout)).value1();
        } catch (RuntimeException e) {
            try {
                JdbcStatements.execute(c, TxSql.rollbackTo(savepoint), log);
                JdbcStatements.execute(c, TxSql.release(savepoint), log);
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        return () -> {
            if (JdbcStatements.inFailedTransaction(c)) {
                JdbcStatements.execute(c, TxSql.rollbackTo(savepoint), log);
            } else {
                pinned.fetch(StatementTimeout.restore(before));
            }
            JdbcStatements.execute(c, TxSql.release(savepoint), log);
        };
    }

    private static void finish(Cursor<Record> cursor, Connection c, ConnectionProvider provider, boolean ownTransaction,
            Runnable untimed) {
        try {
            if (cursor != null) {
                cursor.close();
            }
            if (untimed != null) {
                untimed.run();
            }
            if (ownTransaction) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        } finally {
            provider.release(c);
        }
    }

    public DSLContext dsl() {
        return runtime.get().dsl();
    }

    public Capabilities capabilities() {
        return capabilities.get();
    }
}
