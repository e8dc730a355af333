package io.pgrecord.internal.r2dbc;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * A statement whose execution is logged at subscription, whose errors come out translated, and
 * whose string binds go out untyped, as pgjdbc's {@code stringtype=unspecified} sends them.
 */
final class ObservedStatement implements Statement {

    private final Statement delegate;
    private final String sql;
    private final ObservedConnectionFactory owner;

    ObservedStatement(Statement delegate, String sql, ObservedConnectionFactory owner) {
        this.delegate = delegate;
        this.sql = sql;
        this.owner = owner;
    }

    @Override
    public Statement add() {
        delegate.add();
        return this;
    }

    /** Strings go out untyped, see {@link R2dbcBinds#bindValue}. */
    @Override
    public Statement bind(int index, Object value) {
        delegate.bind(index, R2dbcBinds.bindValue(value));
        return this;
    }

    @Override
    public Statement bind(String name, Object value) {
        delegate.bind(name, R2dbcBinds.bindValue(value));
        return this;
    }

    @Override
    public Statement bindNull(int index, Class<?> type) {
        if (type == String.class) {
            delegate.bind(index, R2dbcBinds.UNTYPED_NULL);
        } else {
            delegate.bindNull(index, type);
        }
        return this;
    }

    @Override
    public Statement bindNull(String name, Class<?> type) {
        if (type == String.class) {
            delegate.bind(name, R2dbcBinds.UNTYPED_NULL);
        } else {
            delegate.bindNull(name, type);
        }
        return this;
    }

    @Override
    public Statement returnGeneratedValues(String... columns) {
        delegate.returnGeneratedValues(columns);
        return this;
    }

    @Override
    public Statement fetchSize(int rows) {
        delegate.fetchSize(rows);
        return this;
    }

    @Override
    public Publisher<? extends Result> execute() {
        return Flux.defer(() -> {
            owner.recorder().record(sql);
            return Flux.from(delegate.execute());
        }).<Result>map(ObservedResult::new).onErrorMap(R2dbcErrors::translate);
    }
}
