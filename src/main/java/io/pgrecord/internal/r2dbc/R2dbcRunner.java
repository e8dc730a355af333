package io.pgrecord.internal.r2dbc;

import io.pgrecord.Capabilities;
import io.pgrecord.internal.error.UnreadableColumnException;
import io.pgrecord.internal.exec.ReactiveScope;
import io.pgrecord.internal.exec.ReplicaRouting;
import io.pgrecord.internal.exec.RowTarget;
import io.pgrecord.internal.exec.Shape;
import io.pgrecord.internal.exec.StatementTimeout;
import io.pgrecord.internal.exec.Work;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jooq.Attachable;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/** Runs {@link Work} over R2DBC: each statement is subscribed only after the previous one completed. */
public final class R2dbcRunner {

    private final Supplier<Mono<Void>> connect;
    private final Function<ContextView, ReactiveScope> scope;
    private final Supplier<Capabilities> capabilities;
    private final BiFunction<Boolean, Supplier<Mono<Object>>, Mono<Object>> transactional;
    private final ConcurrentHashMap<Object, Object> memo = new ConcurrentHashMap<>();
    private final R2dbcReplicas replicas;
    private final Predicate<ContextView> inTransaction;
    private final Function<Boolean, Mono<R2dbcTransactions.Tx>> begin;

    /**
     * @param scope where a subscriber's work runs: its context's transaction, or the pool
     * @param transactional runs a step in a transaction (a savepoint inside an open one), read-only when asked: the
     *     backend's transaction manager
     */
    public R2dbcRunner(Supplier<Mono<Void>> connect, Function<ContextView, ReactiveScope> scope,
            Supplier<Capabilities> capabilities, BiFunction<Boolean, Supplier<Mono<Object>>, Mono<Object>> transactional) {
        this(connect, scope, capabilities, transactional, null, context -> false,
                readOnly -> Mono.error(new UnsupportedOperationException("a stream with a timeout needs the backend's transactions")));
    }

    /**
     * @param replicas the backend's replicas, or null without any
     * @param inTransaction whether a subscriber's context holds an open transaction
     * @param begin begins a transaction whose end is up to the caller (a savepoint inside an open
     *     one), read-only when asked: the backend's transaction manager
     */
    R2dbcRunner(Supplier<Mono<Void>> connect, Function<ContextView, ReactiveScope> scope,
            Supplier<Capabilities> capabilities, BiFunction<Boolean, Supplier<Mono<Object>>, Mono<Object>> transactional,
            R2dbcReplicas replicas, Predicate<ContextView> inTransaction, Function<Boolean, Mono<R2dbcTransactions.Tx>> begin) {
        this.connect = connect;
        this.scope = scope;
        this.capabilities = capabilities;
        this.transactional = transactional;
        this.replicas = replicas;
        this.inTransaction = inTransaction;
        this.begin = begin;
    }

    /**
     * Runs a read: on a replica when {@code routable}, the backend has replicas and the
     * subscriber has no transaction open (it then joins the transaction); else as {@link #run(Function)}.
     */
    public <T> Mono<T> read(Function<Capabilities, Work<T>> plan, boolean routable) {
        if (!routable) {
            return run(caps -> Work.onPrimary(plan.apply(caps)));
        }
        if (replicas == null) {
            return run(plan);
        }
        Mono<T> planned = Mono.deferContextual(context -> {
            Work<T> work = plan.apply(capabilities.get());
            return run(inTransaction.test(context) ? work : replicas.routing().route(work));
        });
        Mono<Void> connecting = connect.get();
        return connecting == CONNECTED ? planned : connecting.then(planned);
    }

    /** Connects if needed, plans with the server's capabilities (so gates fail before SQL), then runs. */
    public <T> Mono<T> run(Function<Capabilities, Work<T>> plan) {
        Mono<T> planned = WorkMono.of(this, plan, null, null);
        Mono<Void> connecting = connect.get();
        // connected: nothing to wait for, so no operator for it on every call
        return connecting == CONNECTED ? planned : connecting.then(planned);
    }

    /** What the connect supplier returns once connected. */
    public static final Mono<Void> CONNECTED = Mono.empty();

    /** Runs planned work; the returned Mono is empty when the work's value is null. */
    public <T> Mono<T> run(Work<T> work) {
        // jOOQ signals a failure of its own (a value it could not convert, say) past the observed
        // connection: WorkMono translates it, as JdbcRunner does on the blocking path
        return WorkMono.of(this, null, work, null);
    }

    private <T> Mono<T> run(Work<T> work, ReactiveScope s) {
        return WorkMono.of(this, null, work, s);
    }

    /** Where a subscriber's work runs: its context's transaction, or the pool. */
    ReactiveScope scope(ContextView context) {
        return scope.apply(context);
    }

    /**
     * The publisher of one step that is not {@link Work.Done}: a statement's result (rows, a
     * count), which the step's continuation takes; for the steps that run further work themselves
     * ({@code On}, {@code Pause}, {@code Memo}, {@code Pinned}), the value of all the work.
     */
    Mono<?> step(Work<?> work, ReactiveScope s) {
        DSLContext ctx = s.dsl();
        return switch (work) {
            case Work.Done<?> d -> throw new IllegalStateException("a finished value is no step");
            case Work.Fetch<?> f -> recorded(f, s, Flux.from(attach(f.query(), ctx)).collectList()
                    .onErrorMap(e -> unreadable(f.target(), e)));
            // a statement whose command tag the driver cannot read yields no count at all
            case Work.Execute<?> e -> recorded(e, s, Mono.from(attachExecutable(e.query(), ctx)).defaultIfEmpty(0));
            case Work.Rows<?> r -> recorded(r, s, rows(r, s));
            case Work.Copy<?> c -> recorded(c, s, s.statements().copyIn(c.sql(), c.data()));
            case Work.On<?, ?> o -> on(o, s);
            case Work.Pause<?> p -> Mono.delay(p.delay()).then(Mono.defer(() -> run(p.next().get(), s)));
            case Work.Memo<?, ?> m -> memo(m, s);
            case Work.Pinned<?> p -> pinned(p);
            // WorkMono takes these itself; as a step, the rest of the work runs as its value
            // WorkMono captures and plans a tracked write itself, as it walks the steps
            case Work.Tracked<?> t -> throw new IllegalStateException("a tracked write is no step");
        };
    }

    private <T> Mono<T> pinned(Work.Pinned<T> p) {
        return transactional.apply(p.readOnly(), () -> run(p.inner()))
                .doOnError(e -> p.rolledBack())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(v -> run(p.next().apply(v.orElse(null))));
    }

    /**
     * The step's result, after remembering the commit's WAL position when the step is an
     * autocommit write on a backend with replicas; the step unchanged otherwise.
     */
    private <X> Mono<X> recorded(Work<?> step, ReactiveScope s, Mono<X> result) {
        if (replicas == null || !Work.writes(step) || !replicas.isPrimaryPool(s)) {
            return result;
        }
        return result.flatMap(value -> replicas.committed(s).thenReturn(value));
    }

    /** Runs work on the server it names; a connection failure there continues with its fallback. */
    private <X, T> Mono<T> on(Work.On<X, T> o, ReactiveScope s) {
        return Mono.defer(() -> run(o.inner(), replicas.scope(o.server(), s)))
                .onErrorMap(R2dbcErrors::translate)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(v -> o.next().apply(v.orElse(null)))
                .onErrorResume(ReplicaRouting::movesOn, e -> Mono.fromSupplier(() -> o.lost().apply((RuntimeException) e)))
                .flatMap(next -> run(next, s));
    }

    /**
     * Raw jOOQ whose every statement runs on the server a routed read would use then, chosen
     * when the statement asks for a connection ({@link RoutedConnectionFactory}); the primary's
     * context without replicas.
     */
    public DSLContext replicaDsl(R2dbcRuntime primary) {
        DSLContext dsl = primary.dsl();
        if (replicas == null) {
            return dsl;
        }
        Mono<Integer> server = Mono.defer(() -> run(replicas.routing().server()));
        Mono<Void> connecting = connect.get();
        return DSL.using(dsl.configuration().derive(new RoutedConnectionFactory(
                () -> connecting == CONNECTED ? server : connecting.then(server), replicas, primary.connections())));
    }

    @SuppressWarnings("unchecked")
    private <X, T> Mono<T> memo(Work.Memo<X, T> m, ReactiveScope s) {
        X known = (X) memo.get(m.key());
        if (known != null) {
            return run(m.next().apply(known), s);
        }
        return run(m.lookup(), s)
                .doOnNext(v -> memo.put(m.key(), v))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(v -> run(m.next().apply(v.orElse(null)), s));
    }

    private static Mono<List<Object[]>> rows(Work.Rows<?> r, ReactiveScope s) {
        Shape.Bound bound = r.direct(true);
        if (bound == null) {
            return Flux.from(attach(r.query(), s.dsl())).collectList().map(Work::arrays)
                    .onErrorMap(e -> unreadable(r.target(), e));
        }
        // the statements describe a read failure themselves: no operator for it on the hot path
        return s.statements().rows(bound.shape().r2dbcSql(), bound.values(), bound.shape().kinds(), r.columns(), r.target());
    }

    /** A value jOOQ could not read, as the column and, with a target, the model field it was going to. */
    private static Throwable unreadable(RowTarget target, Throwable e) {
        UnreadableColumnException u = R2dbcErrors.unreadable(e);
        return u == null ? e : RowTarget.describe(target, u);
    }

    /** Streams a query's rows as they arrive; cancelling the subscription releases the connection. */
    public Flux<Record> stream(Function<Capabilities, ? extends ResultQuery<Record>> plan, int fetchSize) {
        return stream(plan, fetchSize, false);
    }

    /** As {@link #stream(Function, int)}, from a replica when {@code routable} (see {@link #read}). */
    public Flux<Record> stream(Function<Capabilities, ? extends ResultQuery<Record>> plan, int fetchSize,
            boolean routable) {
        return stream(plan, fetchSize, routable, null);
    }

    /**
     * As {@link #stream(Function, int, boolean)}, with {@code statement_timeout} set locally for
     * the cursor's statements when {@code timeout} is not null (see {@link #timed}).
     */
    public Flux<Record> stream(Function<Capabilities, ? extends ResultQuery<Record>> plan, int fetchSize,
            boolean routable, Duration timeout) {
        Flux<Record> rows = connect.get().thenMany(Flux.deferContextual(context -> {
            ReactiveScope here = scope.apply(context);
            Mono<ReactiveScope> where = routable && replicas != null && !inTransaction.test(context)
                    ? run(replicas.routing().server()).map(i -> replicas.scope(i, here))
                    : Mono.just(here);
            // asked for fetchSize rows at a time, whatever the subscriber asks for: jOOQ's publisher
            // over a cursor never completes when it is asked for a few rows at a time (limitRate(2),
            // concatMap), while this bounds what is read ahead to one fetch
            return where.flatMapMany(w -> Flux.from(attach(plan.apply(capabilities.get()).fetchSize(fetchSize), w.dsl()))
                    .limitRate(fetchSize));
        }));
        return (timeout == null ? rows : timed(rows, timeout, routable))
                .onErrorMap(e -> R2dbcErrors.translate(unreadable(null, e)));
    }

    /**
     * The rows in a transaction of their own whose {@code statement_timeout} is set locally
     * ({@link StatementTimeout}), as a timed terminal's: a read-only one when {@code routable},
     * which a backend with replicas runs on one; a savepoint inside the subscriber's
     * transaction, released with the setting before put back, or rolled back to when the
     * stream fails or is cancelled.
     */
    private Flux<Record> timed(Flux<Record> rows, Duration timeout, boolean routable) {
        return connect.get().thenMany(Flux.usingWhen(begin.apply(routable),
                tx -> tx.run(() -> Mono.from(attach(StatementTimeout.set(timeout), tx.dsl())).flatMapMany(set -> {
                    // a transaction of the stream's own ends the setting with it
                    Mono<?> restored = tx.isNested()
                            ? Mono.from(attach(StatementTimeout.restore(set.value1()), tx.dsl()))
                            : Mono.empty();
                    return rows.concatWith(restored.then(Mono.empty()));
                })),
                tx -> tx.finish(true), (tx, e) -> tx.finish(false), tx -> tx.finish(false)));
    }

    private static <Q extends Attachable> Q attach(Q query, DSLContext ctx) {
        query.attach(ctx.configuration());
        return query;
    }

    @SuppressWarnings("unchecked")
    private static Publisher<Integer> attachExecutable(Query query, DSLContext ctx) {
        attach(query, ctx);
        if (query instanceof Publisher<?> p) {
            return (Publisher<Integer>) p;
        }
        throw new IllegalArgumentException("not executable over R2DBC: " + query.getClass().getName());
    }

    public Mono<Void> connect() {
        return connect.get();
    }

    public Capabilities capabilities() {
        return capabilities.get();
    }
}
