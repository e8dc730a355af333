package io.pgrecord.internal.r2dbc;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** A statement whose execution is logged at subscription and whose errors come out translated. */
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

    @Override
    public Statement bind(int index, Object value) {
        delegate.bind(index, value);
        return this;
    }

    @Override
    public Statement bind(String name, Object value) {
        delegate.bind(name, value);
        return this;
    }

    @Override
    public Statement bindNull(int index, Class<?> type) {
        delegate.bindNull(index, type);
        return this;
    }

    @Override
    public Statement bindNull(String name, Class<?> type) {
        delegate.bindNull(name, type);
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
