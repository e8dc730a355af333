package io.pgrecord;

import io.pgrecord.internal.r2dbc.R2dbcTransactions;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An explicitly controlled reactive transaction (a savepoint when begun inside another), from
 * {@link AsyncTransactionManager#begin()}.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=async-transaction}
 */
public final class AsyncTransaction {

    private final R2dbcTransactions.Tx tx;

    AsyncTransaction(R2dbcTransactions.Tx tx) {
        this.tx = tx;
    }

    /** Runs work in this transaction: models and {@code dsl()} publishers subscribed inside join it. */
    public <T> Flux<T> run(Supplier<? extends Publisher<T>> work) {
        return tx.run(work);
    }

    /** A jOOQ context whose statements run in this transaction. */
    public DSLContext dsl() {
        return tx.dsl();
    }

    public Mono<Savepoint> savepoint() {
        return savepoint(null);
    }

    public Mono<Savepoint> savepoint(String name) {
        return tx.savepoint(name).map(Savepoint::new);
    }

    public Mono<Void> rollbackToSavepoint(Savepoint savepoint) {
        return tx.rollbackToSavepoint(savepoint.name());
    }

    public Mono<Void> releaseSavepoint(Savepoint savepoint) {
        return tx.releaseSavepoint(savepoint.name());
    }

    /** COMMIT (RELEASE SAVEPOINT when nested); the connection returns to the pool. */
    public Mono<Void> commit() {
        return tx.finish(true);
    }

    /** {@code PREPARE TRANSACTION gid}: ends this transaction, keeping its work prepared on the server. */
    public Mono<Void> prepare(String gid) {
        return tx.prepare(gid);
    }

    /** ROLLBACK (ROLLBACK TO SAVEPOINT when nested). */
    public Mono<Void> rollback() {
        return tx.finish(false);
    }

    public boolean isActive() {
        return tx.isActive();
    }

    public boolean isNested() {
        return tx.isNested();
    }
}
