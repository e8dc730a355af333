package io.pgrecord.internal.jdbc;

import io.pgrecord.Capabilities;
import io.pgrecord.internal.error.UnreadableColumnException;
import io.pgrecord.internal.exec.RowTarget;
import io.pgrecord.internal.exec.Shape;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.exec.StatementTiming;
import io.pgrecord.internal.exec.Work;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Function<Supplier<Object>, Object> transactional;
    private final ConcurrentHashMap<Object, Object> memo = new ConcurrentHashMap<>();

    /**
     * @param transactional runs a step in a transaction of the calling thread (a savepoint when
     *     one is already open): the backend's transaction manager
     */
    public JdbcRunner(Supplier<JdbcRuntime> runtime, Supplier<Capabilities> capabilities,
            StatementRecorder log, Function<Supplier<Object>, Object> transactional) {
        this.runtime = runtime;
        this.capabilities = capabilities;
        this.log = log;
        this.transactional = transactional;
    }

    /** Plans with the server's capabilities (so gates fail before SQL), then runs. */
    public <T> T run(Function<Capabilities, Work<T>> plan) {
        return run(plan.apply(capabilities.get()));
    }

    public <T> T run(Work<T> work) {
        return run(work, runtime.get().dsl());
    }

    @SuppressWarnings("unchecked")
    private <T> T run(Work<T> work, DSLContext ctx) {
        Work<T> w = work;
        while (true) {
            switch (w) {
                case Work.Done<T> d -> {
                    return d.value();
                }
                case Work.Fetch<T> f -> w = f.next().apply(fetch(ctx, f));
                case Work.Rows<T> r -> w = r.next().apply(rows(ctx, r));
                case Work.Execute<T> e -> w = e.next().apply(ctx.execute(e.query()));
                case Work.Copy<T> c -> w = c.next().apply(copy(ctx, c));
                case Work.Memo<?, T> m -> w = memo(m, ctx);
                case Work.Pinned<T> p -> {
                    Object value = transactional.apply(() -> run(p.inner(), ctx));
                    w = p.next().apply(value);
                }
            }
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
                    bound.values(), bound.shape().kinds(), r.columns());
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
            RuntimeException translated = JdbcErrors.translate(e);
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
        DSLContext base = runtime.get().dsl();
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
        try {
            DSLContext pinned = DSL.using(base.configuration().derive(new DefaultConnectionProvider(c)));
            Cursor<Record> cursor = pinned.fetchLazy(query.fetchSize(fetchSize));
            return cursor.stream().onClose(() -> finish(cursor, c, provider, ownTransaction));
        } catch (RuntimeException e) {
            finish(null, c, provider, ownTransaction);
            throw e;
        }
    }

    private static void finish(Cursor<Record> cursor, Connection c, ConnectionProvider provider, boolean ownTransaction) {
        try {
            if (cursor != null) {
                cursor.close();
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
