package io.pgrecord;

import io.pgrecord.internal.r2dbc.R2dbcTransactions;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Transactions on the reactive backend. The open transaction travels in the Reactor context:
 * every model operation and every publisher of the backend's {@code dsl()} (queries and
 * batches) subscribed inside {@code inTransaction} or {@link AsyncTransaction#run} joins it, as
 * do statements of the {@link DSLContext} handed to {@code inTransaction(dsl -> ...)}.
 * Nested {@code inTransaction} or {@code begin()} opens a savepoint. Thread-safe; one per backend.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=async-transaction-manager}
 */
public final class AsyncTransactionManager {

    private final R2dbcTransactions engine;

    AsyncTransactionManager(R2dbcTransactions engine) {
        this.engine = engine;
    }

    public <T> Flux<T> inTransaction(Supplier<? extends Publisher<T>> work) {
        return inTransaction(TransactionOptions.defaults(), work);
    }

    public <T> Flux<T> inTransaction(TransactionOptions options, Supplier<? extends Publisher<T>> work) {
        return engine.inTransaction(options, dsl -> work.get());
    }

    public <T> Flux<T> inTransaction(Function<DSLContext, ? extends Publisher<T>> work) {
        return engine.inTransaction(TransactionOptions.defaults(), work);
    }

    /**
     * Runs the publisher in a transaction: its values are emitted after COMMIT has completed;
     * an error rolls back and propagates as the same instance. Inside an open transaction it
     * runs in a savepoint. A top-level transaction is run again, up to {@code options.retries()}
     * more times, after a serialization failure or deadlock (or a stale record, with
     * {@link TransactionOptions#retryOnStale(boolean)}), each time after a jittered backoff.
     */
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<DSLContext, ? extends Publisher<T>> work) {
        return engine.inTransaction(options, work);
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
        return engine.begin(options).map(AsyncTransaction::new);
    }

    /** {@code COMMIT PREPARED gid} on a connection of its own. */
    public Mono<Void> commitPrepared(String gid) {
        return engine.finishPrepared(gid, true);
    }

    /** {@code ROLLBACK PREPARED gid} on a connection of its own. */
    public Mono<Void> rollbackPrepared(String gid) {
        return engine.finishPrepared(gid, false);
    }

    /** The ids of the transactions prepared in this database, oldest first. */
    public Flux<String> preparedTransactions() {
        return engine.preparedTransactions();
    }

    /** A savepoint in the subscriber's transaction. */
    public Mono<Savepoint> savepoint() {
        return savepoint(null);
    }

    public Mono<Savepoint> savepoint(String name) {
        return engine.savepoint(name).map(Savepoint::new);
    }

    public Mono<Void> rollbackToSavepoint(Savepoint savepoint) {
        return engine.rollbackToSavepoint(savepoint.name());
    }

    public Mono<Void> releaseSavepoint(Savepoint savepoint) {
        return engine.releaseSavepoint(savepoint.name());
    }

    /** {@code SET CONSTRAINTS name, ... DEFERRED} in the subscriber's transaction. */
    public Mono<Void> deferConstraints(String... constraintNames) {
        return engine.deferConstraints(false, constraintNames);
    }

    public Mono<Void> deferAllConstraints() {
        return engine.deferConstraints(true);
    }

    /**
     * The isolation level of transactions begun afterwards; null for the server's default.
     * A setter cannot see a subscriber's context, so it refuses with
     * {@code TransactionException} while any transaction of this manager is open, not only the
     * caller's.
     */
    public void setIsolationLevel(@Nullable IsolationLevel level) {
        engine.defaults().setIsolationLevel(level);
    }

    public void setReadOnly(boolean readOnly) {
        engine.defaults().setReadOnly(readOnly);
    }

    public void setDeferrable(boolean deferrable) {
        engine.defaults().setDeferrable(deferrable);
    }

    public @Nullable IsolationLevel isolationLevel() {
        return engine.isolationLevel();
    }
}
