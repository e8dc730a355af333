package io.pgrecord;

import io.pgrecord.error.TransactionException;
import io.pgrecord.internal.r2dbc.R2dbcTx;
import io.pgrecord.internal.tx.TxFrames;
import io.pgrecord.internal.tx.TxRetry;
import io.pgrecord.internal.tx.TxSql;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import reactor.util.retry.Retry;

/**
 * Transactions on the reactive backend. The open transaction travels in the Reactor context:
 * every model operation and every publisher of the backend's {@code dsl()} (queries and
 * batches) subscribed inside {@code inTransaction} or {@link AsyncTransaction#run} joins it, as
 * do statements of the {@link DSLContext} handed to {@code inTransaction(dsl -> ...)}.
 * Nested {@code inTransaction} or {@code begin()} opens a savepoint. Thread-safe; one per backend.
 * {@snippet :
 * AsyncTransactionManager tm = async.transactionManager();
 * Flux<Integer> saved = tm.inTransaction(() -> a.save().then(b.save()));   // emits after COMMIT
 * tm.inTransaction(TransactionOptions.serializable().retries(5), dsl -> transfer(dsl, 1, 2, 10)).blockLast();
 * }
 */
public final class AsyncTransactionManager {

    private final AsyncPostgresBackend backend;
    private volatile @Nullable IsolationLevel isolation;
    private volatile @Nullable Boolean readOnly;
    private volatile @Nullable Boolean deferrable;
    /** Top-level transactions begun and not yet ended: the setters refuse while there are any. */
    private final java.util.concurrent.atomic.AtomicInteger openTransactions = new java.util.concurrent.atomic.AtomicInteger();

    /** One open transaction: its connection and nesting. */
    static final class Open {
        final R2dbcTx tx;
        final TxFrames frames = new TxFrames();
        final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

        Open(R2dbcTx tx) {
            this.tx = tx;
        }
    }

    AsyncTransactionManager(AsyncPostgresBackend backend) {
        this.backend = backend;
    }

    /**
     * The context of work in a transaction: the transaction for models and this manager, and
     * its connection for raw publishers of the backend's {@code dsl()}.
     */
    Context enter(Context context, Open open) {
        return open.tx.join(context.put(this, open));
    }

    /** The transaction of a subscriber chain, or null. */
    Open current(ContextView context) {
        return context.getOrDefault(this, null);
    }

    public <T> Flux<T> inTransaction(Supplier<? extends Publisher<T>> work) {
        return inTransaction(TransactionOptions.defaults(), work);
    }

    public <T> Flux<T> inTransaction(TransactionOptions options, Supplier<? extends Publisher<T>> work) {
        return inTransaction(options, (Function<DSLContext, Publisher<T>>) dsl -> work.get());
    }

    public <T> Flux<T> inTransaction(Function<DSLContext, ? extends Publisher<T>> work) {
        return inTransaction(TransactionOptions.defaults(), work);
    }

    /**
     * Runs the publisher in a transaction: its values are emitted after COMMIT has completed;
     * an error rolls back and propagates as the same instance. Inside an open transaction it
     * runs in a savepoint. A top-level transaction is run again, up to {@code options.retries()}
     * more times, after a serialization failure or deadlock (or a stale record, with
     * {@link TransactionOptions#retryOnStale(boolean)}), each time after a jittered backoff.
     */
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<DSLContext, ? extends Publisher<T>> work) {
        return Mono.deferContextual(context -> {
            Open open = current(context);
            return open != null ? nested(open, work) : topLevel(options, work);
        }).flatMapIterable(list -> list);
    }

    private <T> Mono<List<T>> topLevel(TransactionOptions options, Function<DSLContext, ? extends Publisher<T>> work) {
        Mono<List<T>> attempt = open(options).flatMap(open -> scoped(
                Flux.from(work.apply(open.tx.dsl())).contextWrite(c -> enter(c, open)).collectList(),
                end(open, TxSql.COMMIT),
                end(open, TxSql.ROLLBACK)));
        if (options.retries() == 0) {
            return attempt;
        }
        return attempt.retryWhen(Retry.max(options.retries())
                .filter(e -> TxRetry.isRetryable(e, options.isRetryOnStale()))
                .doBeforeRetryAsync(signal -> Mono.delay(TxRetry.backoff((int) signal.totalRetries())).then())
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private <T> Mono<List<T>> nested(Open open, Function<DSLContext, ? extends Publisher<T>> work) {
        return Mono.defer(() -> pushLevel(open)).flatMap(level -> scoped(
                Flux.from(work.apply(open.tx.dsl())).collectList(),
                popLevel(open, level, true),
                popLevel(open, level, false)));
    }

    /**
     * Runs the work, then {@code commit}, and emits the work's values only after the commit
     * completed; on an error or a cancellation runs {@code rollback} and propagates the error as
     * the same instance (a failing rollback is added to it as suppressed).
     */
    private static <T> Mono<T> scoped(Mono<T> work, Mono<Void> commit, Mono<Void> rollback) {
        return work
                .onErrorResume(error -> rollback
                        .onErrorResume(e -> {
                            error.addSuppressed(e);
                            return Mono.empty();
                        })
                        .then(Mono.error(error)))
                .flatMap(value -> commit.thenReturn(value))
                .doOnCancel(() -> rollback.onErrorResume(e -> Mono.empty()).subscribe());
    }

    private Mono<Open> open(TransactionOptions options) {
        TransactionOptions o = options.orElse(isolation, readOnly, deferrable);
        String sql = TxSql.begin(o.isolation() == null ? null : o.isolation().sql(), o.isReadOnly(), o.isDeferrable());
        return backend.connect().then(Mono.defer(() -> R2dbcTx.begin(backend.runtime(), sql))).map(tx -> {
            openTransactions.incrementAndGet();
            return new Open(tx);
        });
    }

    private Mono<Void> end(Open open, String sql) {
        return Mono.defer(() -> {
            open.frames.close();
            return open.tx.execute(sql);
        }).onErrorResume(e -> open.tx.release().then(Mono.error(e))).then(open.tx.release())
                // before the signal goes downstream, so a caller that has seen the end sees the count
                .doOnTerminate(() -> ended(open))
                .doOnCancel(() -> ended(open));
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
            open.frames.popLevel(level);
            return commit ? open.tx.execute(TxSql.release(level))
                    : open.tx.execute(TxSql.rollbackTo(level)).then(open.tx.execute(TxSql.release(level)));
        });
    }

    /**
     * Begins a transaction whose end is up to the caller: run work in it with
     * {@link AsyncTransaction#run(Supplier)}, then {@code commit()} or {@code rollback()}.
     * Inside an open transaction it is a savepoint.
     */
    public Mono<AsyncTransaction> begin() {
        return begin(TransactionOptions.defaults());
    }

    public Mono<AsyncTransaction> begin(TransactionOptions options) {
        return Mono.deferContextual(context -> {
            Open open = current(context);
            if (open != null) {
                return pushLevel(open).map(level -> new AsyncTransaction(this, open, level));
            }
            return open(options).map(o -> new AsyncTransaction(this, o, null));
        });
    }

    Mono<Void> finish(AsyncTransaction tx, boolean commit) {
        return Mono.defer(() -> {
            if (!tx.markDone()) {
                return Mono.error(new TransactionException("transaction already finished; commit() or rollback() runs once"));
            }
            if (tx.level() != null) {
                return popLevel(tx.open(), tx.level(), commit);
            }
            return end(tx.open(), commit ? TxSql.COMMIT : TxSql.ROLLBACK);
        });
    }

    Mono<Void> prepare(AsyncTransaction tx, String gid) {
        return Mono.defer(() -> {
            if (tx.level() != null) {
                return Mono.error(new TransactionException("a nested transaction cannot be prepared"));
            }
            String sql = io.pgrecord.internal.tx.LockSql.prepare(gid);
            if (!tx.markDone()) {
                return Mono.error(new TransactionException("transaction already finished"));
            }
            return end(tx.open(), sql);
        });
    }

    /** {@code COMMIT PREPARED gid} on a connection of its own. */
    public Mono<Void> commitPrepared(String gid) {
        return standalone(io.pgrecord.internal.tx.LockSql.commitPrepared(gid));
    }

    /** {@code ROLLBACK PREPARED gid} on a connection of its own. */
    public Mono<Void> rollbackPrepared(String gid) {
        return standalone(io.pgrecord.internal.tx.LockSql.rollbackPrepared(gid));
    }

    /** The ids of the transactions prepared in this database, oldest first. */
    public Flux<String> preparedTransactions() {
        return backend.connect().thenMany(Flux.usingWhen(R2dbcTx.connection(backend.runtime()),
                c -> c.queryValues(io.pgrecord.internal.tx.LockSql.PREPARED, String.class), R2dbcTx::release));
    }

    private Mono<Void> standalone(String sql) {
        return backend.connect().then(Mono.usingWhen(Mono.defer(() -> R2dbcTx.connection(backend.runtime())),
                c -> c.execute(sql), R2dbcTx::release));
    }

    /** A savepoint in the subscriber's transaction. */
    public Mono<Savepoint> savepoint() {
        return savepoint(null);
    }

    public Mono<Savepoint> savepoint(String name) {
        return withOpen("savepoint", open -> savepoint(open, name));
    }

    static Mono<Savepoint> savepoint(Open open, String name) {
        return Mono.defer(() -> {
            String n = open.frames.addSavepoint(name);
            return open.tx.execute(TxSql.savepoint(n)).thenReturn(new Savepoint(n));
        });
    }

    public Mono<Void> rollbackToSavepoint(Savepoint savepoint) {
        return withOpen("roll back to a savepoint", open -> rollbackTo(open, savepoint));
    }

    static Mono<Void> rollbackTo(Open open, Savepoint savepoint) {
        return Mono.defer(() -> {
            open.frames.rollbackTo(savepoint.name());
            return open.tx.execute(TxSql.rollbackTo(savepoint.name()));
        });
    }

    public Mono<Void> releaseSavepoint(Savepoint savepoint) {
        return withOpen("release a savepoint", open -> release(open, savepoint));
    }

    static Mono<Void> release(Open open, Savepoint savepoint) {
        return Mono.defer(() -> {
            open.frames.release(savepoint.name());
            return open.tx.execute(TxSql.release(savepoint.name()));
        });
    }

    /** {@code SET CONSTRAINTS name, ... DEFERRED} in the subscriber's transaction. */
    public Mono<Void> deferConstraints(String... constraintNames) {
        if (constraintNames.length == 0) {
            return Mono.error(new IllegalArgumentException("name at least one constraint, or call deferAllConstraints()"));
        }
        return withOpen("defer constraints", open -> open.tx.execute(TxSql.deferConstraints(constraintNames)));
    }

    public Mono<Void> deferAllConstraints() {
        return withOpen("defer constraints", open -> open.tx.execute(TxSql.deferConstraints()));
    }

    private <X> Mono<X> withOpen(String what, Function<Open, Mono<X>> action) {
        return Mono.deferContextual(context -> {
            Open open = current(context);
            if (open == null) {
                return Mono.error(new TransactionException("cannot " + what + " outside a transaction; subscribe"
                        + " inside inTransaction(...) or use an AsyncTransaction"));
            }
            return action.apply(open);
        });
    }

    /**
     * The isolation level of transactions begun afterwards; null for the server's default.
     * A setter cannot see a subscriber's context, so it refuses with
     * {@code TransactionException} while any transaction of this manager is open, not only the
     * caller's.
     */
    public void setIsolationLevel(@Nullable IsolationLevel level) {
        requireIdle("isolation level");
        this.isolation = level;
    }

    public void setReadOnly(boolean readOnly) {
        requireIdle("read-only mode");
        this.readOnly = readOnly;
    }

    public void setDeferrable(boolean deferrable) {
        requireIdle("deferrable mode");
        this.deferrable = deferrable;
    }

    private void requireIdle(String what) {
        int open = openTransactions.get();
        if (open > 0) {
            throw new TransactionException("cannot change the " + what + " while " + open
                    + " transaction(s) of this manager are open; set it before beginning them");
        }
    }

    public @Nullable IsolationLevel isolationLevel() {
        return isolation;
    }
}
