package io.pgrecord.internal.r2dbc;

import io.pgrecord.IsolationLevel;
import io.pgrecord.TransactionOptions;
import io.pgrecord.error.ConnectionException;
import io.pgrecord.error.DatabaseException;
import io.pgrecord.error.TransactionException;
import io.pgrecord.internal.exec.ReactiveScope;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.tx.LockSql;
import io.pgrecord.internal.tx.TxDefaults;
import io.pgrecord.internal.tx.TxFrames;
import io.pgrecord.internal.tx.TxRetry;
import io.pgrecord.internal.tx.TxRules;
import io.pgrecord.internal.tx.TxSql;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import reactor.util.retry.Retry;

/**
 * The reactive transaction engine: the open transaction travels in the Reactor context under
 * this engine's key, so work subscribed inside joins it; nested begins are savepoints. A
 * connection that comes in a transaction its owner runs (Spring's) gets a savepoint for the top
 * level too, and its end gives the connection back without COMMIT. Thread-safe; one per backend.
 */
public final class R2dbcTransactions {

    private static final String RUN_HINT = "subscribe inside inTransaction(...) or use an AsyncTransaction";

    private final Supplier<Mono<Void>> connect;
    private final Supplier<R2dbcRuntime> runtime;
    /** The backend's replicas, or null; a commit then records its WAL position. */
    private final R2dbcReplicas replicas;
    private final Supplier<Mono<Integer>> readOnlyServer;
    /** Top-level transactions begun and not yet ended: the setters refuse while there are any. */
    private final AtomicInteger openTransactions = new AtomicInteger();
    private final TxDefaults defaults = new TxDefaults(() -> TxRules.openInManager(openTransactions.get()));

    /** One open transaction: its connection and nesting; {@code joinLevel}: its savepoint in the owner's transaction. */
    private static final class Open {
        final R2dbcTx tx;
        /** Whether the transaction runs on the primary, not on a replica (a read-only one). */
        final boolean onPrimary;
        final TxFrames frames;
        final AtomicBoolean ended = new AtomicBoolean();
        /** Set by the first end: a later one (a cancellation after an error, say) sends nothing. */
        final AtomicBoolean closing = new AtomicBoolean();
        final String joinLevel;
        /**
         * On a replica, the primary's pool, through which the backend's raw {@code dsl()} joins
         * the transaction: taken at the begin, as the backend may close while it runs.
         */
        final ObservedConnectionFactory primaryPool;

        Open(R2dbcTx tx, TxFrames frames, String joinLevel, ObservedConnectionFactory primaryPool) {
            this.tx = tx;
            this.onPrimary = primaryPool == null;
            this.frames = frames;
            this.joinLevel = joinLevel;
            this.primaryPool = primaryPool;
        }
    }

    /** A transaction or nested level whose end is up to the caller. */
    public final class Tx {
        private final Open open;
        private final String level;
        private final AtomicBoolean done = new AtomicBoolean();

        private Tx(Open open, String level) {
            this.open = open;
            this.level = level;
        }

        /** Runs work in this transaction: models and {@code dsl()} publishers subscribed inside join it. */
        public <T> Flux<T> run(Supplier<? extends Publisher<T>> work) {
            return Flux.defer(() -> Flux.<T>from(work.get())).contextWrite(c -> enter(c, open));
        }

        public DSLContext dsl() {
            return open.tx.dsl();
        }

        public Mono<String> savepoint(String name) {
            return R2dbcTransactions.savepoint(open, name);
        }

        public Mono<Void> rollbackToSavepoint(String name) {
            return R2dbcTransactions.rollbackTo(open, name);
        }

        public Mono<Void> releaseSavepoint(String name) {
            return R2dbcTransactions.release(open, name);
        }

        public Mono<Void> finish(boolean commit) {
            return Mono.defer(() -> {
                if (!done.compareAndSet(false, true)) {
                    return Mono.error(TxRules.alreadyFinished());
                }
                return level != null ? popLevel(open, level, commit) : end(open, commit);
            });
        }

        public Mono<Void> prepare(String gid) {
            return Mono.defer(() -> {
                TxRules.checkPreparable(level != null);
                TxRules.checkOwnTransaction(open.joinLevel != null);
                String sql = LockSql.prepare(gid);
                if (!done.compareAndSet(false, true)) {
                    return Mono.error(new TransactionException("transaction already finished"));
                }
                return end(open, sql);
            });
        }

        public boolean isActive() {
            return !done.get();
        }

        public boolean isNested() {
            return level != null || open.joinLevel != null;
        }
    }

    /**
     * @param readOnlyServer chooses the server of a read-only transaction as a routed read
     *     would: a replica's index or {@code Work.PRIMARY}; unused without replicas
     */
    R2dbcTransactions(Supplier<Mono<Void>> connect, Supplier<R2dbcRuntime> runtime, R2dbcReplicas replicas,
            Supplier<Mono<Integer>> readOnlyServer) {
        this.connect = connect;
        this.runtime = runtime;
        this.replicas = replicas;
        this.readOnlyServer = readOnlyServer;
    }

    public TxDefaults defaults() {
        return defaults;
    }

    public IsolationLevel isolationLevel() {
        return defaults.isolationLevel();
    }

    /**
     * The context of work in a transaction: the transaction for models, its connection for raw
     * publishers. A read-only transaction on a replica is also joined by the backend's own
     * {@code dsl()}, which is the primary's: raw jOOQ joins a transaction wherever it runs.
     */
    private Context enter(Context context, Open open) {
        Context joined = open.tx.join(context.put(this, open));
        return open.onPrimary ? joined : joined.put(open.primaryPool, open.tx);
    }

    private Open current(ContextView context) {
        return context.getOrDefault(this, null);
    }

    /** Whether the subscriber's context holds an open transaction. */
    public boolean inTransaction(ContextView context) {
        return current(context) != null;
    }

    /** Whether the subscriber's transaction runs on a replica (a read-only one on a backend with replicas). */
    public boolean onReplica(ContextView context) {
        Open open = current(context);
        return open != null && !open.onPrimary;
    }

    /** Where a subscriber's work runs: its transaction's connection, or the pool. */
    public ReactiveScope scope(ContextView context) {
        Open open = current(context);
        return open != null ? open.tx.scope(open.frames) : runtime.get().poolScope();
    }

    /**
     * Runs the publisher in a transaction, emitting its values after COMMIT; an error rolls back
     * and propagates as the same instance. Nested: a savepoint. Top-level: retried as
     * {@link TxRetry} decides.
     */
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<DSLContext, ? extends Publisher<T>> work) {
        return Mono.deferContextual(context -> {
            Open open = current(context);
            return open != null ? nested(open, work) : topLevel(options, work);
        }).flatMapIterable(list -> list);
    }

    private <T> Mono<List<T>> topLevel(TransactionOptions options, Function<DSLContext, ? extends Publisher<T>> work) {
        // a savepoint in the connection owner's transaction is not retried, as a nested level is not
        AtomicBoolean joined = new AtomicBoolean();
        Mono<List<T>> attempt = open(options).doOnNext(open -> joined.set(open.joinLevel != null)).flatMap(open -> scoped(
                work(work, open).contextWrite(c -> enter(c, open)).collectList(),
                end(open, true),
                end(open, false),
                abandon(open)));
        if (options.retries() == 0) {
            return attempt;
        }
        return attempt.retryWhen(Retry.max(options.retries())
                .filter(e -> !joined.get() && TxRetry.isRetryable(e, options.isRetryOnStale()))
                .doBeforeRetryAsync(signal -> Mono.delay(TxRetry.backoff((int) signal.totalRetries())).then())
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private <T> Mono<List<T>> nested(Open open, Function<DSLContext, ? extends Publisher<T>> work) {
        return Mono.defer(() -> pushLevel(open)).flatMap(level -> {
            Mono<Void> rollback = popLevel(open, level, false);
            return scoped(work(work, open).collectList(), popLevel(open, level, true), rollback, rollback);
        });
    }

    /** The work's publisher; a work function that throws is a failure of the work like any other. */
    private static <T> Flux<T> work(Function<DSLContext, ? extends Publisher<T>> work, Open open) {
        return Flux.defer(() -> work.apply(open.tx.dsl()));
    }

    /**
     * Runs the work, then {@code commit}, and emits the work's values only after the commit
     * completed; on an error runs {@code rollback} and propagates the error as the same instance
     * (a failing rollback is added to it as suppressed); on a cancellation runs {@code cancel}.
     */
    private static <T> Mono<T> scoped(Mono<T> work, Mono<Void> commit, Mono<Void> rollback, Mono<Void> cancel) {
        return work
                .onErrorResume(error -> rollback
                        .onErrorResume(e -> {
                            error.addSuppressed(e);
                            return Mono.empty();
                        })
                        .then(Mono.error(error)))
                .flatMap(value -> commit.thenReturn(value))
                // after the cancel went up to the work, so that it sends nothing more
                .doFinally(signal -> {
                    if (signal == SignalType.CANCEL) {
                        cancel.onErrorResume(e -> Mono.empty()).subscribe();
                    }
                });
    }

    private Mono<Open> open(TransactionOptions options) {
        String sql = defaults.beginSql(options);
        return Mono.defer(() -> {
            TxFrames frames = new TxFrames();
            Function<Boolean, String> begin = joined -> joined ? TxSql.savepoint(frames.pushLevel()) : sql;
            Mono<Open> begun = replicas != null && defaults.isReadOnly(options)
                    ? readOnlyServer.get().flatMap(server -> beginOn(server, begin, frames))
                    : beginOnPrimary(begin, frames);
            return connect.get().then(begun).doOnNext(open -> openTransactions.incrementAndGet());
        });
    }

    private Mono<Open> beginOnPrimary(Function<Boolean, String> begin, TxFrames frames) {
        return Mono.defer(() -> R2dbcTx.begin(runtime.get(), begin)).map(tx -> opened(tx, frames, null));
    }

    private static Open opened(R2dbcTx tx, TxFrames frames, ObservedConnectionFactory primaryPool) {
        return new Open(tx, frames, tx.isJoined() ? frames.innermostLevel() : null, primaryPool);
    }

    /** Begins on replica {@code server}, or on the primary when it is none or cannot be reached. */
    private Mono<Open> beginOn(int server, Function<Boolean, String> begin, TxFrames frames) {
        Mono<Open> onPrimary = beginOnPrimary(begin, frames);
        if (server == Work.PRIMARY) {
            return onPrimary;
        }
        return Mono.defer(() -> {
            ObservedConnectionFactory primaryPool = runtime.get().connections();
            return R2dbcTx.begin(replicas.runtime(server), begin).map(tx -> opened(tx, frames, primaryPool));
        })
                .onErrorResume(e -> R2dbcErrors.translate(e) instanceof ConnectionException, e -> {
                    replicas.routing().down(server);
                    return onPrimary;
                });
    }

    /** Ends a top-level transaction: COMMIT or ROLLBACK, or in the owner's transaction its savepoint's end. */
    private Mono<Void> end(Open open, boolean commit) {
        String level = open.joinLevel;
        if (level == null) {
            return end(open, commit ? TxSql.COMMIT : TxSql.ROLLBACK);
        }
        return end(open, () -> open.tx.ended(commit ? releaseLevel(open.tx, level) : rollBackLevel(open.tx, level), commit),
                commit);
    }

    private Mono<Void> end(Open open, String sql) {
        return end(open, () -> {
            Mono<Void> ended = open.tx.end(sql);
            // a backend with replicas remembers the commit's WAL position, for read-your-writes
            return replicas != null && sql.equals(TxSql.COMMIT) && open.onPrimary ? ended.then(replicas.committed(open.tx)) : ended;
        }, !sql.equals(TxSql.ROLLBACK));
    }

    /**
     * Runs the closing statements, then gives the connection back, whatever they did; the
     * instances the transaction wrote go back unless it {@code commits} and the commit succeeds.
     */
    private Mono<Void> end(Open open, Supplier<Mono<Void>> closing, boolean commits) {
        return Mono.defer(() -> {
            if (!open.closing.compareAndSet(false, true)) {
                return Mono.<Void>empty();
            }
            open.frames.close();
            return Mono.defer(closing)
                    .doOnError(e -> open.frames.ended(false))
                    .doOnSuccess(v -> open.frames.ended(commits))
                    .onErrorResume(e -> open.tx.release().then(Mono.error(e))).then(open.tx.release())
                    // cancelled during its end: whether the server has ended it is not known
                    .doOnCancel(() -> {
                        open.frames.ended(false);
                        open.tx.abandon().subscribe();
                    });
        })
                // before the signal goes downstream, so a caller that has seen the end sees the count
                .doOnTerminate(() -> ended(open))
                .doOnCancel(() -> ended(open));
    }

    /**
     * A top-level transaction cancelled before its end: given up (see {@link R2dbcTx#abandon()}).
     * In its owner's transaction, its savepoint is rolled back, as on an error: the owner goes on.
     */
    private Mono<Void> abandon(Open open) {
        if (open.joinLevel != null) {
            return end(open, false);
        }
        return Mono.defer(() -> {
            if (!open.closing.compareAndSet(false, true)) {
                return Mono.<Void>empty();
            }
            open.frames.close();
            open.frames.ended(false);
            return open.tx.abandon();
        }).doFinally(signal -> ended(open));
    }

    private void ended(Open open) {
        if (open.ended.compareAndSet(false, true)) {
            openTransactions.decrementAndGet();
        }
    }

    private static Mono<String> pushLevel(Open open) {
        String level = open.frames.pushLevel();
        return open.tx.execute(TxSql.savepoint(level)).thenReturn(level);
    }

    private static Mono<Void> popLevel(Open open, String level, boolean commit) {
        return Mono.defer(() -> {
            if (!commit) {
                open.frames.popLevel(level, true);
                return rollBackLevel(open.tx, level);
            }
            // the level stays in the frames until the server said whether it kept its work
            open.frames.checkInnermostLevel(level);
            return releaseLevel(open.tx, level)
                    .doOnSuccess(v -> open.frames.popLevel(level, false))
                    .doOnError(e -> open.frames.popLevel(level, true));
        });
    }

    /**
     * Ends a level, keeping its work: RELEASE SAVEPOINT. Where a statement in it failed and the
     * application caught the failure, the server refuses that (25P02, the transaction is
     * aborted): the level rolls back to its savepoint instead, and its end says so.
     */
    private static Mono<Void> releaseLevel(R2dbcTx tx, String level) {
        return tx.execute(TxSql.release(level)).onErrorResume(R2dbcTransactions::aborted,
                e -> rollBackLevel(tx, level).then(Mono.error(TxRules.levelRolledBackInsteadOfCommit(level))));
    }

    /** Ends a level, dropping its work. */
    private static Mono<Void> rollBackLevel(R2dbcTx tx, String level) {
        return tx.execute(TxSql.rollbackTo(level)).then(tx.execute(TxSql.release(level)));
    }

    /** The server's "current transaction is aborted, commands ignored until end of transaction block". */
    private static boolean aborted(Throwable e) {
        return R2dbcErrors.translate(e) instanceof DatabaseException d && "25P02".equals(d.sqlState());
    }

    /** A transaction whose end is up to the caller; a savepoint inside the subscriber's transaction. */
    public Mono<Tx> begin(TransactionOptions options) {
        return Mono.deferContextual(context -> {
            Open open = current(context);
            if (open != null) {
                return pushLevel(open).map(level -> new Tx(open, level));
            }
            return open(options).map(o -> new Tx(o, null));
        });
    }

    /** {@code COMMIT PREPARED gid} or {@code ROLLBACK PREPARED gid}, on a connection of its own. */
    public Mono<Void> finishPrepared(String gid, boolean commit) {
        // an invalid gid throws here, at assembly, as before
        String sql = commit ? LockSql.commitPrepared(gid) : LockSql.rollbackPrepared(gid);
        Mono<Void> outside = Mono.deferContextual(context -> current(context) != null
                ? Mono.error(TxRules.preparedInsideTransaction(sql)) : Mono.empty());
        return outside.then(connect.get()).then(Mono.usingWhen(Mono.defer(() -> R2dbcTx.connection(runtime.get())),
                c -> c.execute(sql), R2dbcTx::release));
    }

    public Flux<String> preparedTransactions() {
        return connect.get().thenMany(Flux.usingWhen(Mono.defer(() -> R2dbcTx.connection(runtime.get())),
                c -> c.queryValues(LockSql.PREPARED, String.class), R2dbcTx::release));
    }

    public Mono<String> savepoint(String name) {
        return withOpen("savepoint", open -> savepoint(open, name));
    }

    private static Mono<String> savepoint(Open open, String name) {
        return Mono.defer(() -> {
            String n = open.frames.addSavepoint(name);
            return open.tx.execute(TxSql.savepoint(n)).thenReturn(n);
        });
    }

    public Mono<Void> rollbackToSavepoint(String name) {
        return withOpen("roll back to a savepoint", open -> rollbackTo(open, name));
    }

    private static Mono<Void> rollbackTo(Open open, String name) {
        return Mono.defer(() -> {
            open.frames.rollbackTo(name);
            return open.tx.execute(TxSql.rollbackTo(name));
        });
    }

    public Mono<Void> releaseSavepoint(String name) {
        return withOpen("release a savepoint", open -> release(open, name));
    }

    private static Mono<Void> release(Open open, String name) {
        return Mono.defer(() -> {
            open.frames.release(name);
            return open.tx.execute(TxSql.release(name));
        });
    }

    /** {@code SET CONSTRAINTS ... DEFERRED} in the subscriber's transaction; no names defers all. */
    public Mono<Void> deferConstraints(boolean all, String... names) {
        if (!all && names.length == 0) {
            return Mono.error(TxRules.noConstraintNames());
        }
        return withOpen("defer constraints", open -> open.tx.execute(TxSql.deferConstraints(names)));
    }

    private <X> Mono<X> withOpen(String what, Function<Open, Mono<X>> action) {
        return Mono.deferContextual(context -> {
            Open open = current(context);
            return open == null ? Mono.error(TxRules.outside(what, RUN_HINT)) : action.apply(open);
        });
    }
}
