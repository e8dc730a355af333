package io.pgrecord.internal.exec;

import io.pgrecord.internal.types.DirectType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;

/**
 * Database work described once and run by either executor: a chain of statements, each
 * followed by a continuation that turns its result into the next step. The model layer builds
 * {@code Work}; {@code JdbcRunner} runs it blocking and {@code R2dbcRunner} reactively, so
 * every rule (hooks, dirty checks, eager loading) exists once.
 */
public sealed interface Work<T> {

    /** A finished value; null means "no value" (an empty {@code Mono} on R2DBC). */
    record Done<T>(T value) implements Work<T> {
    }

    /**
     * Fetch all rows of a query, then continue.
     *
     * @param target what the rows are read into, which names the field of a column that cannot
     *     be read; null when they are not a model's
     */
    record Fetch<T>(ResultQuery<? extends Record> query, RowTarget target, Function<List<Record>, Work<T>> next)
            implements Work<T> {

        public Fetch(ResultQuery<? extends Record> query, Function<List<Record>, Work<T>> next) {
            this(query, null, next);
        }
    }

    /**
     * Fetch rows as value arrays, then continue. With {@code bound} set, or when {@code query}
     * renders into a {@link Shape}, the runner sends the SQL itself and reads each column as its
     * {@link DirectType}; otherwise jOOQ runs {@code query}.
     *
     * @param columns the kind of each result column, or null when any needs jOOQ to read it
     * @param target what the rows are read into, which names the field of a column that cannot
     *     be read; null when they are not a model's
     */
    record Rows<T>(ResultQuery<? extends Record> query, Shape.Bound bound, DirectType[] columns,
            RowTarget target, Function<List<Object[]>, Work<T>> next) implements Work<T> {

        public Rows(ResultQuery<? extends Record> query, Shape.Bound bound, DirectType[] columns,
                Function<List<Object[]>, Work<T>> next) {
            this(query, bound, columns, null, next);
        }

        /** The statement to send without jOOQ, rendered for the given driver if need be; null when jOOQ must run it. */
        public Shape.Bound direct(boolean r2dbc) {
            return columns == null ? null : bound != null ? bound : Shape.once(query, r2dbc);
        }
    }

    /** Execute a statement, then continue with its row count. */
    record Execute<T>(Query query, IntFunction<Work<T>> next) implements Work<T> {
    }

    /** {@code COPY ... FROM STDIN} of pre-encoded text, then continue with the rows copied. */
    record Copy<T>(String sql, List<byte[]> data, LongFunction<Work<T>> next) implements Work<T> {
    }

    /**
     * Work that must run on one connection inside one transaction (a savepoint when a
     * transaction is already open), then continue outside it. When the inner work fails, and so
     * is rolled back, the runner runs {@code undo} (when not null) before the failure goes on:
     * instances that took what the inner work wrote go back to what they held. A
     * {@code readOnly} one begins as a read-only transaction, which a backend with replicas runs
     * on one, as it runs a routed read.
     */
    record Pinned<T>(Work<Object> inner, boolean readOnly, Runnable undo, Function<Object, Work<T>> next) implements Work<T> {

        /** Runs {@link #undo}, if any. */
        public void rolledBack() {
            if (undo != null) {
                undo.run();
            }
        }
    }

    /**
     * A write that changes instances in memory as well as rows: inside a transaction, the runner
     * first hands the transaction {@link #captureState()}, which puts the instances back as they
     * are now, to run if the transaction (or the level or savepoint around the write) is rolled
     * back. Then it runs {@link #plan()}'s work, planned only now, so that what planning changes
     * in the instances (before-hooks, timestamps, a first version) is put back too; when the
     * write fails, in a transaction or not, it puts them back at once (see {@link #captured}).
     * Implemented by the model layer, one object per write.
     */
    non-sealed interface Tracked<T> extends Work<T> {

        /** What puts the instances back as they are now. */
        Runnable captureState();

        /** The write's work, planned now. */
        Work<T> plan();

        /**
         * Whether planning the write may change the instances (before-hooks, timestamps, a first
         * version): then a failure of the write puts them back even outside a transaction.
         */
        default boolean changedByPlanning() {
            return true;
        }

        /**
         * The undo of this write, handed to {@code undoLog} when there is one: captured inside a
         * transaction, or when planning may change the instances; null when neither holds, and
         * the write costs nothing more. The runner then plans and runs the write, and runs the
         * undo if it fails.
         */
        default Runnable captured(Consumer<Runnable> undoLog) {
            if (undoLog == null && !changedByPlanning()) {
                return null;
            }
            Runnable undo = captureState();
            if (undoLog != null) {
                undoLog.accept(undo);
            }
            return undo;
        }
    }

    /**
     * A fact about the database that the backend keeps once known, e.g. whether a column has a
     * default: the runner runs {@code lookup} only while it holds no value under {@code key}, keeps
     * a non-null result for the backend's lifetime and continues with it. Two callers may both
     * look the fact up the first time; both get a right answer.
     */
    record Memo<X, T>(Object key, Work<X> lookup, Function<X, Work<T>> next) implements Work<T> {

        <U> Memo<X, U> continued(Function<? super T, Work<U>> f) {
            return new Memo<>(key, lookup, x -> next.apply(x).then(f));
        }
    }

    /**
     * Work to run on one of the backend's servers outside any transaction: {@code server} is a
     * replica's index, or {@link #PRIMARY}. When it fails as {@link ReplicaRouting#movesOn}
     * says (the server cannot be reached, the connection is lost, a recovery conflict), the
     * runner continues with {@code lost} instead.
     */
    record On<X, T>(int server, Work<X> inner, Function<X, Work<T>> next,
            Function<RuntimeException, Work<T>> lost) implements Work<T> {

        <U> On<X, U> continued(Function<? super T, Work<U>> f) {
            return new On<>(server, inner, x -> next.apply(x).then(f), e -> lost.apply(e).then(f));
        }
    }

    /** The server index of the primary in {@link On}. */
    int PRIMARY = -1;

    /** Waits without holding a connection, then continues: the bounded backoff of a routed read. */
    record Pause<T>(Duration delay, Supplier<Work<T>> next) implements Work<T> {
    }

    static <T> Work<T> pinned(Work<T> inner) {
        return pinned(inner, null);
    }

    /** {@code inner} in one transaction; {@code undo} runs if it fails (see {@link Pinned}). */
    @SuppressWarnings("unchecked")
    static <T> Work<T> pinned(Work<T> inner, Runnable undo) {
        return new Pinned<>((Work<Object>) inner, false, undo, v -> done((T) v));
    }

    /** {@code inner}, which only reads, in one read-only transaction (see {@link Pinned}). */
    @SuppressWarnings("unchecked")
    static <T> Work<T> readOnly(Work<T> inner) {
        return new Pinned<>((Work<Object>) inner, true, null, v -> done((T) v));
    }

    /**
     * The work as it runs when it must stay on the primary (a backend's {@code primary()} view):
     * a read-only transaction, which a backend with replicas would route, begins read-write.
     */
    @SuppressWarnings("unchecked")
    static <T> Work<T> onPrimary(Work<T> work) {
        return work instanceof Pinned<?> p && p.readOnly() ? (Work<T>) new Pinned<>(p.inner(), false, p.undo(), p.next()) : work;
    }

    static <T> Work<T> done(T value) {
        return new Done<>(value);
    }

    @SuppressWarnings("unchecked")
    static Work<List<Record>> fetch(ResultQuery<? extends Record> query) {
        return new Fetch<>(query, rows -> done(rows));
    }

    static Work<Integer> execute(Query query) {
        return new Execute<>(query, Work::done);
    }

    /**
     * Whether running this step may change data, so that outside a transaction it commits: a
     * backend with replicas then remembers the commit's WAL position.
     */
    static boolean writes(Work<?> step) {
        return switch (step) {
            case Execute<?> e -> true;
            case Copy<?> c -> true;
            case Fetch<?> f -> !(f.query() instanceof Select);
            case Rows<?> r -> r.query() != null ? !(r.query() instanceof Select) : !r.bound().shape().isSelect();
            default -> false;
        };
    }

    /**
     * Whether work may change data, judged by its first step: a write, a lookup that precedes
     * one ({@link Memo}, as an insert's column defaults), or a read-write transaction.
     */
    static boolean mayWrite(Work<?> work) {
        return writes(work) || work instanceof Memo<?, ?> || work instanceof Pinned<?> p && !p.readOnly()
                || work instanceof Tracked<?>;
    }

    /** Rows jOOQ fetched, as the value arrays {@link Rows} continues with. */
    static List<Object[]> arrays(List<? extends Record> records) {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (Record r : records) {
            rows.add(r.intoArray());
        }
        return rows;
    }

    /** Continues with further work once this has a value. */
    default <U> Work<U> then(Function<? super T, Work<U>> f) {
        return switch (this) {
            case Done<T> d -> f.apply(d.value());
            case Fetch<T> q -> new Fetch<>(q.query(), q.target(), rows -> q.next().apply(rows).then(f));
            case Rows<T> r -> new Rows<>(r.query(), r.bound(), r.columns(), r.target(), rows -> r.next().apply(rows).then(f));
            case Execute<T> e -> new Execute<>(e.query(), n -> e.next().apply(n).then(f));
            case Pinned<T> p -> new Pinned<>(p.inner(), p.readOnly(), p.undo(), v -> p.next().apply(v).then(f));
            case Copy<T> c -> new Copy<>(c.sql(), c.data(), n -> c.next().apply(n).then(f));
            case Memo<?, T> m -> m.continued(f);
            case On<?, T> o -> o.continued(f);
            case Pause<T> p -> new Pause<>(p.delay(), () -> p.next().get().then(f));
            case Tracked<T> t -> new Tracked<U>() {
                @Override
                public Runnable captureState() {
                    return t.captureState();
                }

                @Override
                public boolean changedByPlanning() {
                    return t.changedByPlanning();
                }

                @Override
                public Work<U> plan() {
                    return t.plan().then(f);
                }
            };
        };
    }

    default <U> Work<U> map(Function<? super T, ? extends U> f) {
        return then(v -> done(f.apply(v)));
    }
}
