package io.pgrecord.internal.r2dbc;

import io.pgrecord.internal.exec.StatementKind;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.exec.StatementTiming;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** A pooled connection whose statements are logged and whose errors come out translated. */
final class ObservedConnection implements Connection {

    private final Connection delegate;
    private final ObservedConnectionFactory owner;
    private final boolean closeable;
    private final Connection physical;
    /** A pinned view's check before each statement: the error to throw instead, or null; null on the pool's handle. */
    private final Supplier<RuntimeException> refusal;
    /** Whether a write was sent on this handle, where its owner tracks writes (see {@link #close()}). */
    private volatile boolean wrote;

    /**
     * @param physical the driver's connection behind the pool's handle, to note when it went back
     */
    ObservedConnection(Connection delegate, ObservedConnectionFactory owner, Connection physical) {
        this(delegate, owner, true, physical, null);
    }

    private ObservedConnection(Connection delegate, ObservedConnectionFactory owner, boolean closeable, Connection physical,
            Supplier<RuntimeException> refusal) {
        this.delegate = delegate;
        this.owner = owner;
        this.closeable = closeable;
        this.physical = physical;
        this.refusal = refusal;
    }

    /**
     * The same connection with close() a no-op: a transaction's, lent to jOOQ statement by
     * statement. {@code refusal} gives the error to throw instead of a statement, or null: once
     * the transaction has ended, the connection may be another's.
     */
    ObservedConnection pinned(Supplier<RuntimeException> refusal) {
        return new ObservedConnection(delegate, owner, false, physical, refusal);
    }

    private void checkUsable() {
        RuntimeException refused = refusal == null ? null : refusal.get();
        if (refused != null) {
            throw refused;
        }
    }

    Connection delegate() {
        return delegate;
    }

    ObservedConnectionFactory owner() {
        return owner;
    }

    /** A failure of {@code sql} on {@code c} as the application sees it: translated, and masked on an observed connection (see {@link StatementRecorder#masked}). */
    static Throwable translated(Connection c, String sql, Throwable failure) {
        return c instanceof ObservedConnection observed ? observed.owner.failed(sql, failure) : R2dbcErrors.translate(failure);
    }

    /** Records {@code sql} and starts its timing when it is logged or measured; see {@link StatementRecorder#start}. */
    StatementTiming start(String sql) {
        return owner.recorder().start(sql);
    }

    @Override
    public Statement createStatement(String sql) {
        checkUsable();
        if (closeable && owner.tracksAutocommitWrites() && StatementKind.writes(sql)) {
            wrote = true;
        }
        return new ObservedStatement(delegate.createStatement(sql), sql, owner);
    }

    @Override
    public Batch createBatch() {
        checkUsable();
        if (closeable && owner.tracksAutocommitWrites()) {
            wrote = true;
        }
        return new ObservedBatch(delegate.createBatch(), owner);
    }

    @Override
    public Publisher<Void> beginTransaction() {
        return logged("BEGIN", delegate.beginTransaction());
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
        return logged("BEGIN", delegate.beginTransaction(definition));
    }

    @Override
    public Publisher<Void> commitTransaction() {
        return logged("COMMIT", delegate.commitTransaction());
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
        return logged("ROLLBACK", delegate.rollbackTransaction());
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
        return logged("SAVEPOINT " + name, delegate.createSavepoint(name));
    }

    @Override
    public Publisher<Void> releaseSavepoint(String name) {
        return logged("RELEASE SAVEPOINT " + name, delegate.releaseSavepoint(name));
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
        return logged("ROLLBACK TO SAVEPOINT " + name, delegate.rollbackTransactionToSavepoint(name));
    }

    @Override
    public Publisher<Void> close() {
        if (!closeable) {
            return Mono.empty();
        }
        if (wrote) {
            // a write that committed on its own goes back with its connection: its position is unknown
            wrote = false;
            if (delegate.isAutoCommit()) {
                owner.autocommitWrote();
            }
        }
        owner.released(physical);
        return delegate.close();
    }

    /**
     * Closes the driver's connection, then gives the pool's handle back, which the pool then
     * drops (its check of a returned connection fails): for a connection whose state is not
     * known. The server ends the session, rolling back what it had open.
     */
    Mono<Void> discard() {
        return Mono.from(physical.close()).onErrorResume(e -> Mono.empty())
                .then(Mono.defer(() -> Mono.from(close())).onErrorResume(e -> Mono.empty()));
    }

    @Override
    public boolean isAutoCommit() {
        return delegate.isAutoCommit();
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return delegate.getMetadata();
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return delegate.getTransactionIsolationLevel();
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean autoCommit) {
        return Mono.from(delegate.setAutoCommit(autoCommit)).onErrorMap(R2dbcErrors::translate);
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
        return Mono.from(delegate.setLockWaitTimeout(timeout)).onErrorMap(R2dbcErrors::translate);
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
        return Mono.from(delegate.setStatementTimeout(timeout)).onErrorMap(R2dbcErrors::translate);
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
        return Mono.from(delegate.setTransactionIsolationLevel(level)).onErrorMap(R2dbcErrors::translate);
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
        return delegate.validate(depth);
    }

    private Publisher<Void> logged(String sql, Publisher<Void> action) {
        return Mono.defer(() -> {
            StatementTiming timing = owner.recorder().start(sql);
            Mono<Void> sent = Mono.from(action).onErrorMap(R2dbcErrors::translate);
            return timing == null ? sent
                    : sent.doOnSuccess(done -> timing.succeeded(-1, List::of)).doOnError(e -> timing.failed(e, List::of));
        });
    }
}
