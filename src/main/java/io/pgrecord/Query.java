package io.pgrecord;

import io.pgrecord.error.RecordNotFoundException;
import io.pgrecord.error.TooManyRowsException;
import io.pgrecord.error.UnsupportedCapabilityException;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.model.LoadOrigin;
import io.pgrecord.internal.model.ModelErrors;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.model.RowMapper;
import io.pgrecord.internal.query.QueryPlanner;
import io.pgrecord.internal.query.QuerySpec;
import io.pgrecord.internal.query.QueryTerminals;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.Record;
import org.jooq.Result;
import org.jspecify.annotations.Nullable;

/**
 * A blocking model query. Immutable and thread-safe; the terminals run it on the model's
 * backend (or the one given to {@link #using(PostgresBackend)}) and join the calling thread's
 * transaction.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=query}
 *
 * @param <T> the model
 */
public final class Query<T> extends QueryBuilder<T, Query<T>> {

    private final @Nullable PostgresBackend backend;

    Query(QuerySpec spec, @Nullable PostgresBackend backend) {
        super(spec);
        this.backend = backend;
    }

    @Override
    Query<T> with(QuerySpec spec) {
        return new Query<>(spec, backend);
    }

    /** The same query on another backend. */
    public Query<T> using(PostgresBackend backend) {
        return new Query<>(spec, backend);
    }

    PostgresBackend backend() {
        return backend != null ? backend : ModelBackends.blocking(spec.meta().type());
    }

    private <X> X run(Function<Capabilities, Work<X>> plan) {
        try {
            return backend().runner().run(plan);
        } catch (RuntimeException e) {
            throw ModelErrors.explainRuntime(spec.meta(), spec.columnSource(), e);
        }
    }

    /** A read, routed to a replica when the backend has any (see {@link QuerySpec#routable()}). */
    private <X> X read(Function<Capabilities, Work<X>> plan) {
        PostgresBackend b = backend();
        try {
            return b.runner().read(plan, b.routes() && spec.routable());
        } catch (RuntimeException e) {
            throw ModelErrors.explainRuntime(spec.meta(), spec.columnSource(), e);
        }
    }

    public List<T> all() {
        PostgresBackend b = backend();
        return read(caps -> QueryTerminals.all(spec, caps, b.handle()));
    }

    /** The first row in query order, if any. */
    public Optional<T> first() {
        PostgresBackend b = backend();
        return Optional.ofNullable(read(caps -> QueryTerminals.first(spec, caps, b.handle())));
    }

    /**
     * Exactly one row.
     *
     * @throws RecordNotFoundException when none matches
     * @throws TooManyRowsException when several match
     */
    public T one() {
        PostgresBackend b = backend();
        return read(caps -> QueryTerminals.one(spec, caps, b.handle()));
    }

    /** The number of rows the query returns (ORDER BY is dropped; LIMIT and OFFSET count). */
    public long count() {
        return read(caps -> QueryTerminals.count(spec, caps));
    }

    public boolean exists() {
        return read(caps -> QueryTerminals.exists(spec, caps));
    }

    /** One column's values, in query order, converted to {@code type}. */
    public <X> List<X> pluck(String column, Class<X> type) {
        return read(caps -> QueryTerminals.pluck(spec, column, type, caps));
    }

    /** The sum of a column; zero when no row matches. */
    public BigDecimal sum(String column) {
        return (BigDecimal) read(caps -> QueryTerminals.aggregate(spec, QueryTerminals.Aggregate.SUM, column, caps));
    }

    /** The average of a column; null when no row matches. */
    public @Nullable BigDecimal avg(String column) {
        return (BigDecimal) read(caps -> QueryTerminals.aggregate(spec, QueryTerminals.Aggregate.AVG, column, caps));
    }

    /** The smallest value of a column, in the field's Java type; null when no row matches. */
    @SuppressWarnings("unchecked")
    public <X> @Nullable X min(String column) {
        return (X) read(caps -> QueryTerminals.aggregate(spec, QueryTerminals.Aggregate.MIN, column, caps));
    }

    /** The largest value of a column, in the field's Java type; null when no row matches. */
    @SuppressWarnings("unchecked")
    public <X> @Nullable X max(String column) {
        return (X) read(caps -> QueryTerminals.aggregate(spec, QueryTerminals.Aggregate.MAX, column, caps));
    }

    /** The raw result, for {@code select(...)} projections and window functions. */
    public Result<Record> fetch() {
        return read(caps -> QueryTerminals.fetch(spec, caps));
    }

    /**
     * Streams the rows through a server-side cursor, so memory stays flat however many rows
     * match. The stream holds a connection until closed: use try-with-resources. With
     * {@code timeout(...)} each of the cursor's statements runs under it.
     */
    public Stream<T> stream() {
        if (!spec.includes().isEmpty()) {
            throw new UnsupportedOperationException("include() is not supported with stream(); use all()");
        }
        PostgresBackend b = backend();
        @SuppressWarnings("unchecked")
        ModelMeta<T> meta = (ModelMeta<T>) spec.meta();
        LoadOrigin origin = LoadOrigin.of(spec.isStrictLoading(), b.handle().loading());
        boolean own = spec.ownProjection();
        try {
            return ModelErrors.explained(meta, spec.columnSource(), b.runner().stream(QueryPlanner.select(spec, b.capabilities()), 1000,
                    b.routes() && spec.routable(), spec.timeout()))
                    .map(r -> LoadOrigin.marked(RowMapper.map(meta, r, b.handle(), own), origin));
        } catch (RuntimeException e) {
            throw ModelErrors.explainRuntime(spec.meta(), spec.columnSource(), e);
        }
    }

    /**
     * Sets columns on every matching row in one UPDATE; keys are column or field names.
     *
     * @return the rows updated
     */
    public int updateAll(Map<String, ?> values) {
        PostgresBackend b = backend();
        return run(caps -> QueryTerminals.updateAll(spec, values, caps, b.jsonMapper()));
    }

    /**
     * Updates every matching row and returns each as it was and as it is
     * ({@code RETURNING old.*, new.*}, PostgreSQL 18+).
     *
     * @throws UnsupportedCapabilityException on older servers, before any SQL
     */
    public List<Change<T>> updateAllReturning(Map<String, ?> values) {
        PostgresBackend b = backend();
        return run(caps -> QueryTerminals.updateAllReturning(spec, values, caps, b.handle(), b.jsonMapper()));
    }

    /** Deletes every matching row in one statement (soft-deletes for a {@code @SoftDelete} model). */
    public int deleteAll() {
        return run(caps -> QueryTerminals.deleteAll(spec, caps));
    }

    /** The server's {@code EXPLAIN} output. */
    public String explain() {
        return run(caps -> QueryTerminals.explain(spec, caps));
    }
}
