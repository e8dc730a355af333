package io.pgrecord;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An explicitly controlled reactive transaction (a savepoint when begun inside another), from
 * {@link AsyncTransactionManager#begin()}.
 * {@snippet :
 * tm.begin().flatMap(tx -> tx.run(() -> a.save())
 *         .then(tx.savepoint())
 *         .flatMap(sp -> tx.run(() -> b.save()).then(tx.rollbackToSavepoint(sp)))
 *         .then(tx.commit())
 *         .onErrorResume(e -> tx.rollback().then(Mono.error(e))))
 *     .block();
 * }
 */
public final class AsyncTransaction {

    private final AsyncTransactionManager manager;
    private final AsyncTransactionManager.Open open;
    private final String level;
    private final AtomicBoolean done = new AtomicBoolean();

    AsyncTransaction(AsyncTransactionManager manager, AsyncTransactionManager.Open open, String level) {
        this.manager = manager;
        this.open = open;
        this.level = level;
    }

    /** Runs work in this transaction: models and {@code dsl()} publishers subscribed inside join it. */
    public <T> Flux<T> run(Supplier<? extends Publisher<T>> work) {
        return Flux.defer(() -> Flux.<T>from(work.get())).contextWrite(c -> manager.enter(c, open));
    }

    /** A jOOQ context whose statements run in this transaction. */
    public DSLContext dsl() {
        return open.tx.dsl();
    }

    public Mono<Savepoint> savepoint() {
        return AsyncTransactionManager.savepoint(open, null);
    }

    public Mono<Savepoint> savepoint(String name) {
        return AsyncTransactionManager.savepoint(open, name);
    }

    public Mono<Void> rollbackToSavepoint(Savepoint savepoint) {
        return AsyncTransactionManager.rollbackTo(open, savepoint);
    }

    public Mono<Void> releaseSavepoint(Savepoint savepoint) {
        return AsyncTransactionManager.release(open, savepoint);
    }

    /** COMMIT (RELEASE SAVEPOINT when nested); the connection returns to the pool. */
    public Mono<Void> commit() {
        return manager.finish(this, true);
    }

    /** {@code PREPARE TRANSACTION gid}: ends this transaction, keeping its work prepared on the server. */
    public Mono<Void> prepare(String gid) {
        return manager.prepare(this, gid);
    }

    /** ROLLBACK (ROLLBACK TO SAVEPOINT when nested). */
    public Mono<Void> rollback() {
        return manager.finish(this, false);
    }

    public boolean isActive() {
        return !done.get();
    }

    public boolean isNested() {
        return level != null;
    }

    AsyncTransactionManager.Open open() {
        return open;
    }

    String level() {
        return level;
    }

    /** Marks the transaction finished; false when it already was. */
    boolean markDone() {
        return done.compareAndSet(false, true);
    }
}
