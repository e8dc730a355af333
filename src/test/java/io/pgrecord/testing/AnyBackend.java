package io.pgrecord.testing;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.Capabilities;
import io.pgrecord.PostgresBackend;
import io.pgrecord.ServerVersion;
import io.pgrecord.StatementLog;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.RowCountQuery;
import org.jooq.Record;
import org.jooq.ResultQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One blocking view of either backend, so a scenario is written once and run on both. The
 * R2DBC side subscribes and waits; it never falls back to JDBC.
 */
public interface AnyBackend extends AutoCloseable {

    Exec exec();

    ServerVersion serverVersion();

    Capabilities capabilities();

    StatementLog statementLog();

    DSLContext dsl();

    <R extends Record> List<R> fetch(ResultQuery<R> query);

    int execute(RowCountQuery query);

    /** The first column of the first row of a plain-SQL query, or null without rows. */
    default Object fetchValue(String sql, Object... binds) {
        List<Record> rows = fetch(dsl().resultQuery(sql, binds));
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    default int execute(String sql, Object... binds) {
        return execute(dsl().query(sql, binds));
    }

    /**
     * Runs steps in one raw jOOQ transaction: a {@code String} step is SQL sent in the
     * transaction, a {@code Runnable} step runs on the test's side between statements.
     */
    void transaction(Object... steps);

    /** Closes the backend when this view owns it ({@link #open}); shared views ignore it. */
    @Override
    default void close() {
    }

    /** A new backend of the given kind on the config, connected; the caller closes it. */
    static AnyBackend open(Exec exec, io.pgrecord.PostgresConnectionConfig config) {
        if (exec == Exec.JDBC) {
            PostgresBackend b = new PostgresBackend(config).connect();
            AnyBackend view = of(b);
            return new Owned(view, b);
        }
        AsyncPostgresBackend b = new AsyncPostgresBackend(config);
        try {
            b.connect().block(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return new Owned(of(b), b);
    }

    static AnyBackend of(PostgresBackend b) {
        return new AnyBackend() {
            public Exec exec() { return Exec.JDBC; }
            public ServerVersion serverVersion() { return b.serverVersion(); }
            public Capabilities capabilities() { return b.capabilities(); }
            public StatementLog statementLog() { return b.statementLog(); }
            public DSLContext dsl() { return b.dsl(); }
            public <R extends Record> List<R> fetch(ResultQuery<R> q) { return b.dsl().fetch(q); }
            public int execute(RowCountQuery q) { return b.dsl().execute(q); }
            public void transaction(Object... steps) {
                b.dsl().transaction(cfg -> {
                    for (Object step : steps) {
                        if (step instanceof String sql) {
                            cfg.dsl().execute(sql);
                        } else {
                            ((Runnable) step).run();
                        }
                    }
                });
            }
        };
    }

    static AnyBackend of(AsyncPostgresBackend b) {
        Duration wait = Duration.ofSeconds(60);
        return new AnyBackend() {
            public Exec exec() { return Exec.R2DBC; }
            public ServerVersion serverVersion() { return b.serverVersion(); }
            public Capabilities capabilities() { return b.capabilities(); }
            public StatementLog statementLog() { return b.statementLog(); }
            public DSLContext dsl() { return b.dsl(); }
            public <R extends Record> List<R> fetch(ResultQuery<R> q) {
                return Flux.from(q).collectList().block(wait);
            }
            public int execute(RowCountQuery q) { return Mono.from(q).defaultIfEmpty(0).block(wait); }
            public void transaction(Object... steps) {
                Flux.from(b.dsl().transactionPublisher(trx -> Flux.fromArray(steps).concatMap(step ->
                        step instanceof String sql
                                ? Mono.from(trx.dsl().query(sql))
                                : Mono.fromRunnable((Runnable) step).thenReturn(0))))
                        .blockLast(wait);
            }
        };
    }

    /** A view that owns, and closes, its backend. */
    record Owned(AnyBackend view, AutoCloseable backend) implements AnyBackend {
        public Exec exec() { return view.exec(); }
        public ServerVersion serverVersion() { return view.serverVersion(); }
        public Capabilities capabilities() { return view.capabilities(); }
        public StatementLog statementLog() { return view.statementLog(); }
        public DSLContext dsl() { return view.dsl(); }
        public <R extends Record> List<R> fetch(ResultQuery<R> q) { return view.fetch(q); }
        public int execute(RowCountQuery q) { return view.execute(q); }
        public void transaction(Object... steps) { view.transaction(steps); }
        @Override
        public void close() {
            try {
                backend.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
