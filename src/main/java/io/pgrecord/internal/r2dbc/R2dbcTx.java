package io.pgrecord.internal.r2dbc;

import io.pgrecord.error.TransactionException;
import io.pgrecord.internal.exec.JooqDefaults;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.error.Causes;
import io.pgrecord.internal.tx.TxRules;
import io.pgrecord.internal.tx.TxSql;
import io.pgrecord.internal.exec.ReactiveScope;
import io.pgrecord.internal.types.JsonMappers;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.Result;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * One reactive transaction's connection: taken from the pool when the transaction begins and
 * returned when it ends; in between, statements run on it through a pinned, non-closing view,
 * lent to the transaction's own DSLContext, to models, and through the Reactor context
 * ({@link #join}) to raw publishers of the pool's DSLContext.
 */
public final class R2dbcTx {

    private final ObservedConnection connection;
    private final ObservedConnection pinned;
    private final DSLContext dsl;
    private final boolean joined;
    /** Set by the first release or abandon: the connection goes back once, and no statement runs on it after. */
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile boolean released;
    /** A top-level transaction's observation, or null. */
    private volatile Object observation;

    private R2dbcTx(ObservedConnection connection, R2dbcRuntime runtime) {
        this.connection = connection;
        // autocommit off: the connection came in a transaction its owner runs (Spring's, say);
        // never one of pgrecord's own pool, whose connections go back outside any transaction
        this.joined = connection.owner().ownPool().isEmpty() && !connection.isAutoCommit();
        this.pinned = connection.pinned(() -> released ? ended() : null);
        this.dsl = DSL.using(pinned, JooqDefaults.DIALECT, JooqDefaults.settings());
        // the pool's flags and the server version, so bindings render here as on the pool
        dsl.configuration().data().putAll(runtime.dsl().configuration().data());
    }

    /**
     * Takes a connection from the pool and sends the statement that opens the transaction on it:
     * {@code begin} is told whether the connection is already in its owner's transaction
     * ({@link #isJoined()}), where a savepoint opens it.
     */
    public static Mono<R2dbcTx> begin(R2dbcRuntime runtime, Function<Boolean, String> begin) {
        // from its BEGIN on, the transaction gives the connection back, whatever is cancelled
        return KeptOnceEmitted.of(runtime.connections().acquire())
                .map(c -> new R2dbcTx((ObservedConnection) c, runtime).observed())
                .flatMap(tx -> {
                    AtomicBoolean begun = new AtomicBoolean();
                    return tx.execute(begin.apply(tx.joined)).thenReturn(tx)
                            .onErrorResume(e -> {
                                tx.connection.owner().recorder().transactionEnded(tx.observation, false, e);
                                return tx.release().then(Mono.error(e));
                            })
                            .doOnNext(t -> begun.set(true))
                            // cancelled while the BEGIN is on its way: the server runs it all the
                            // same. Once begun, a cancel is the transaction's to handle
                            .doOnCancel(() -> {
                                if (!begun.get()) {
                                    tx.abandon().subscribe();
                                }
                            });
                });
    }

    /**
     * Gives up a cancelled transaction. A statement of its work may still be on its way (a
     * cancel does not wait for one the driver has taken, nor stop one subscribed at the same
     * moment on another thread), so neither a ROLLBACK nor the next user of the connection would
     * be sure to come after it: the connection is closed instead, and the server rolls back what
     * it had open. In its owner's transaction, the connection only goes back to the owner. A
     * no-op once the connection went back.
     */
    public Mono<Void> abandon() {
        return Mono.defer(() -> {
            if (!gone.compareAndSet(false, true)) {
                return Mono.<Void>empty();
            }
            released = true;
            Object started = observation;
            if (started != null) {
                connection.owner().recorder().transactionEnded(started, false, null);
            }
            return joined ? Mono.from(connection.close()) : connection.discard();
        }).onErrorResume(e -> Mono.empty());
    }

    /**
     * Whether the connection came in a transaction that its owner runs and ends, as Spring's
     * R2dbcTransactionManager lends it: pgrecord then works in a savepoint and never commits.
     */
    public boolean isJoined() {
        return joined;
    }

    /** Takes a connection from the pool, outside any transaction: for session-level work such as locks. */
    public static Mono<R2dbcTx> connection(R2dbcRuntime runtime) {
        return runtime.connections().acquire().map(c -> new R2dbcTx((ObservedConnection) c, runtime));
    }

    /** The first column of the first row of a query on this connection. */
    public <T> Mono<T> queryValue(String sql, Class<T> type) {
        return Flux.from(pinned.createStatement(sql).execute())
                .flatMap(r -> r.map((row, meta) -> row.get(0, type)))
                .next();
    }

    /** Every first-column value of a query on this connection. */
    public <T> Flux<T> queryValues(String sql, Class<T> type) {
        return Flux.from(pinned.createStatement(sql).execute()).flatMap(r -> r.map((row, meta) -> row.get(0, type)));
    }

    /** Sends a control statement (COMMIT, SAVEPOINT ...) on this transaction's connection. */
    public Mono<Void> execute(String sql) {
        return Flux.from(pinned.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }

    private R2dbcTx observed() {
        observation = connection.owner().recorder().transactionStarted();
        return this;
    }

    /**
     * Sends the statement that ends the transaction ({@code COMMIT}, {@code ROLLBACK},
     * {@code PREPARE TRANSACTION}) and ends its observation.
     */
    public Mono<Void> end(String sql) {
        if (sql.equals(TxSql.COMMIT)) {
            // the driver's commit, which fails where the server answers COMMIT with ROLLBACK: a
            // statement of the transaction failed, and the application caught its error
            return ended(Mono.from(pinned.commitTransaction()).onErrorMap(R2dbcTx::rolledBack), true);
        }
        return ended(execute(sql), !sql.equals(TxSql.ROLLBACK));
    }

    private static Throwable rolledBack(Throwable e) {
        return Causes.find(e, R2dbcRollbackException.class) != null ? TxRules.rolledBackInsteadOfCommit() : e;
    }

    /** Ends the transaction with the statements {@code sent}, which keep its work or not, and ends its observation. */
    public Mono<Void> ended(Mono<Void> sent, boolean committed) {
        Object started = observation;
        if (started == null) {
            return sent;
        }
        StatementRecorder recorder = connection.owner().recorder();
        return sent.doOnSuccess(done -> recorder.transactionEnded(started, committed, null))
                .doOnError(e -> recorder.transactionEnded(started, false, e));
    }

    /**
     * Returns the connection to the pool, or closes it when it is still in a transaction (an
     * end that failed): the pool's next user must not find itself inside one.
     */
    public Mono<Void> release() {
        return Mono.defer(() -> {
            if (!gone.compareAndSet(false, true)) {
                return Mono.<Void>empty();
            }
            released = true;
            return joined || connection.isAutoCommit() ? Mono.from(connection.close()) : connection.discard();
        });
    }

    /**
     * The context with this transaction's connection under its pool's key, where that pool's
     * {@link ObservedConnectionFactory#create()} finds it: raw {@code dsl()} publishers
     * subscribed in this context join the transaction.
     */
    public Context join(Context context) {
        return context.put(connection.owner(), this);
    }

    /**
     * The connection for a raw publisher subscribed in this transaction's context; an error once
     * the transaction has ended, since its connection may be lent to other work by then.
     */
    Mono<Connection> joined() {
        return released ? Mono.error(ended()) : Mono.just(pinned);
    }

    private static TransactionException ended() {
        return new TransactionException("the transaction this statement was subscribed in has already ended; subscribe"
                + " it inside inTransaction(...) or AsyncTransaction.run(...) before the end");
    }

    /** Statements attached here run on this transaction's connection. */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Where model work subscribed in this transaction's context runs; refused, as {@link #joined()}
     * refuses raw statements, once the transaction has ended and its connection gone back.
     *
     * @param undoLog the transaction's undo log (see {@code TxFrames})
     */
    public ReactiveScope scope(Consumer<Runnable> undoLog) {
        if (released) {
            throw ended();
        }
        return new ReactiveScope(dsl, R2dbcStatements.on(pinned, JsonMappers.of(dsl.configuration())), undoLog);
    }
}
