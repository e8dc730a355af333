package io.pgrecord;

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
import java.util.function.Function;
import org.jooq.Record;
import org.jooq.Result;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A reactive model query: the builders of {@link QueryBuilder}, terminals returning
 * {@link Mono} and {@link Flux}. Nothing runs until subscription. Immutable and thread-safe.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=async-query}
 *
 * @param <T> the model
 */
public final class AsyncQuery<T> extends QueryBuilder<T, AsyncQuery<T>> {

    private final @Nullable AsyncPostgresBackend backend;

    AsyncQuery(QuerySpec spec, @Nullable AsyncPostgresBackend backend) {
        super(spec);
        this.backend = backend;
    }

    @Override
    AsyncQuery<T> with(QuerySpec spec) {
        return new AsyncQuery<>(spec, backend);
    }

    /** The same query on another backend. */
    public AsyncQuery<T> using(AsyncPostgresBackend backend) {
        return new AsyncQuery<>(spec, backend);
    }

    AsyncPostgresBackend backend() {
        return backend != null ? backend : ModelBackends.async(spec.meta().type());
    }

    private <X> Mono<X> run(Function<Capabilities, Work<X>> plan) {
        return Mono.defer(() -> backend().runner().run(plan))
                .onErrorMap(e -> ModelErrors.explain(spec.meta(), spec.columnSource(), e));
    }

    /** A read, routed to a replica when the backend has any (see {@link QuerySpec#routable()}). */
    private <X> Mono<X> read(Function<Capabilities, Work<X>> plan) {
        return readOn(b -> plan);
    }

    private <X> Mono<X> readOn(Function<AsyncPostgresBackend, Function<Capabilities, Work<X>>> plan) {
        return Mono.defer(() -> {
            AsyncPostgresBackend b = backend();
            return b.runner().read(plan.apply(b), b.routes() && spec.routable());
        }).onErrorMap(e -> ModelErrors.explain(spec.meta(), spec.columnSource(), e));
    }

    private <X> Mono<X> runOn(Function<AsyncPostgresBackend, Function<Capabilities, Work<X>>> plan) {
        return Mono.defer(() -> {
            AsyncPostgresBackend b = backend();
            return b.runner().run(plan.apply(b));
        }).onErrorMap(e -> ModelErrors.explain(spec.meta(), spec.columnSource(), e));
    }

    public Flux<T> all() {
        return this.<List<T>>readOn(b -> caps -> QueryTerminals.all(spec, caps, b.handle())).flatMapIterable(list -> list);
    }

    /** The first row in query order; empty when none. */
    public Mono<T> first() {
        return readOn(b -> caps -> QueryTerminals.first(spec, caps, b.handle()));
    }

    /** Exactly one row; errors with {@code RecordNotFoundException} or {@code TooManyRowsException}. */
    public Mono<T> one() {
        return readOn(b -> caps -> QueryTerminals.one(spec, caps, b.handle()));
    }

    public Mono<Long> count() {
        return read(caps -> QueryTerminals.count(spec, caps));
    }

    public Mono<Boolean> exists() {
        return read(caps -> QueryTerminals.exists(spec, caps));
    }

    /**
     * One column's values, in query order, converted to {@code type}. A reactive stream cannot
     * emit null, so a NULL in the column fails the Flux, before any value is emitted, with an
     * {@link IllegalStateException} naming the column: filter the NULLs out
     * ({@code where("col IS NOT NULL")}) or use {@link #pluckList(String, Class)}, whose list keeps
     * them.
     */
    public <X> Flux<X> pluck(String column, Class<X> type) {
        return pluckList(column, type).flatMapIterable(values -> {
            int i = values.indexOf(null);
            if (i >= 0) {
                String name = spec.meta().resolve(column).column();
                throw new IllegalStateException("pluck(\"" + column + "\") read a NULL (row " + (i + 1) + " of " + values.size()
                        + "), which a Flux cannot emit: filter the NULLs out with where(\"" + name
                        + " IS NOT NULL\"), or use pluckList(\"" + column + "\", " + type.getSimpleName()
                        + ".class), whose list keeps them");
            }
            return values;
        });
    }

    /**
     * One column's values, in query order, converted to {@code type}, as one list, NULLs
     * included (as {@link Query#pluck(String, Class)} returns them); empty when no row matches.
     */
    public <X> Mono<List<X>> pluckList(String column, Class<X> type) {
        return read(caps -> QueryTerminals.pluck(spec, column, type, caps));
    }

    public Mono<BigDecimal> sum(String column) {
        return read(caps -> QueryTerminals.aggregate(spec, QueryTerminals.Aggregate.SUM, column, caps)).cast(BigDecimal.class);
    }

    public Mono<BigDecimal> avg(String column) {
        return read(caps -> QueryTerminals.aggregate(spec, QueryTerminals.Aggregate.AVG, column, caps)).cast(BigDecimal.class);
    }

    @SuppressWarnings("unchecked")
    public <X> Mono<X> min(String column) {
        return read(caps -> QueryTerminals.aggregate(spec, QueryTerminals.Aggregate.MIN, column, caps)).map(v -> (X) v);
    }

    @SuppressWarnings("unchecked")
    public <X> Mono<X> max(String column) {
        return read(caps -> QueryTerminals.aggregate(spec, QueryTerminals.Aggregate.MAX, column, caps)).map(v -> (X) v);
    }

    public Mono<Result<Record>> fetch() {
        return read(caps -> QueryTerminals.fetch(spec, caps));
    }

    /**
     * Streams rows as they arrive, with backpressure; cancelling releases the connection. With
     * {@code timeout(...)} each of the cursor's statements runs under it.
     */
    public Flux<T> stream() {
        if (!spec.includes().isEmpty()) {
            return Flux.error(new UnsupportedOperationException("include() is not supported with stream(); use all()"));
        }
        @SuppressWarnings("unchecked")
        ModelMeta<T> meta = (ModelMeta<T>) spec.meta();
        return Flux.defer(() -> {
            AsyncPostgresBackend b = backend();
            LoadOrigin origin = LoadOrigin.of(spec.isStrictLoading(), b.handle().loading());
            boolean own = spec.ownProjection();
            return b.runner().stream(caps -> QueryPlanner.select(spec, caps), 1000, b.routes() && spec.routable(), spec.timeout())
                    .map(r -> LoadOrigin.marked(RowMapper.map(meta, r, b.handle(), own), origin));
        }).onErrorMap(e -> ModelErrors.explain(spec.meta(), spec.columnSource(), e));
    }

    public Mono<Integer> updateAll(Map<String, ?> values) {
        return runOn(b -> caps -> QueryTerminals.updateAll(spec, values, caps, b.jsonMapper()));
    }

    /** As {@link Query#updateAllReturning(Map)} (PostgreSQL 18+). */
    public Flux<Change<T>> updateAllReturning(Map<String, ?> values) {
        return this.<List<Change<T>>>runOn(b -> caps -> QueryTerminals.updateAllReturning(spec, values, caps, b.handle(), b.jsonMapper()))
                .flatMapIterable(list -> list);
    }

    public Mono<Integer> deleteAll() {
        return run(caps -> QueryTerminals.deleteAll(spec, caps));
    }

    public Mono<String> explain() {
        return run(caps -> QueryTerminals.explain(spec, caps));
    }
}
