package io.pgrecord.internal.r2dbc;

import io.pgrecord.internal.exec.StatementTiming;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * A statement whose execution is logged at subscription, whose errors come out translated, and
 * whose string binds go out untyped, as pgjdbc's {@code stringtype=unspecified} sends them.
 */
final class ObservedStatement implements Statement, Function<Throwable, Throwable> {

    private final Statement delegate;
    private final String sql;
    private final ObservedConnectionFactory owner;
    /** The values bound, kept only while the SQL log shows binds; else null. */
    private final List<Object> binds;
    /** Where the current set of binds starts in {@link #binds}, after {@link #add()}. */
    private int bindsFrom;

    ObservedStatement(Statement delegate, String sql, ObservedConnectionFactory owner) {
        this.delegate = delegate;
        this.sql = sql;
        this.owner = owner;
        this.binds = owner.recorder().bindsLogged() ? new ArrayList<>() : null;
    }

    @Override
    public Statement add() {
        delegate.add();
        if (binds != null) {
            bindsFrom = binds.size();
        }
        return this;
    }

    /** Strings go out untyped, see {@link R2dbcBinds#bindValue}. */
    @Override
    public Statement bind(int index, Object value) {
        keep(index, value);
        delegate.bind(index, R2dbcBinds.bindValue(value));
        return this;
    }

    private void keep(int index, Object value) {
        if (binds != null) {
            while (binds.size() <= bindsFrom + index) {
                binds.add(null);
            }
            binds.set(bindsFrom + index, value);
        }
    }

    @Override
    public Statement bind(String name, Object value) {
        delegate.bind(name, R2dbcBinds.bindValue(value));
        return this;
    }

    @Override
    public Statement bindNull(int index, Class<?> type) {
        keep(index, null);
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
            StatementTiming timing = owner.recorder().start(sql);
            return TimedResults.observe(Flux.from(delegate.execute()), this,
                    timing == null ? null : new TimedResults(timing, () -> binds == null ? List.of() : binds));
        });
    }

    /**
     * A failure of this statement as the application sees it: translated, and masked when the
     * statement names a sensitive column. The statement is the function, so that mapping its
     * results' errors allocates nothing.
     */
    @Override
    public Throwable apply(Throwable failure) {
        return owner.failed(sql, failure);
    }
}
