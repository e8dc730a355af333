package io.pgrecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.error.RecordNotFoundException;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.model.BulkMerge;
import io.pgrecord.internal.model.BulkWrites;
import io.pgrecord.internal.model.ModelErrors;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.model.RowMapper;
import io.pgrecord.internal.query.QuerySpec;
import io.pgrecord.internal.query.QueryTerminals;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.Table;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reactive twin of {@link Finder}: the same operations, returning {@link Mono} and
 * {@link Flux}. Thread-safe.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=async-finder}
 *
 * @param <T> the model
 */
public final class AsyncFinder<T> {

    private final Class<T> type;
    private final @Nullable AsyncPostgresBackend backend;

    AsyncFinder(Class<T> type, @Nullable AsyncPostgresBackend backend) {
        this.type = type;
        this.backend = backend;
    }

    public AsyncFinder<T> using(AsyncPostgresBackend backend) {
        return new AsyncFinder<>(type, backend);
    }

    private ModelMeta<T> meta() {
        return ModelMeta.of(type);
    }

    private AsyncPostgresBackend backend() {
        return backend != null ? backend : ModelBackends.async(type);
    }

    public AsyncQuery<T> query() {
        return new AsyncQuery<>(QuerySpec.empty(meta()), backend);
    }

    /** A query whose records are in strict-loading mode; see {@link QueryBuilder#strictLoading()}. */
    public AsyncQuery<T> strictLoading() {
        return query().strictLoading();
    }

    /** A query that goes to the primary even on a backend with replicas ({@link QueryBuilder#onPrimary()}). */
    public AsyncQuery<T> onPrimary() {
        return query().onPrimary();
    }

    public AsyncQuery<T> where(Condition... conditions) {
        return query().where(conditions);
    }

    public AsyncQuery<T> where(String sql, @Nullable Object... binds) {
        return query().where(sql, binds);
    }

    /** The row with this primary key; empty when there is none. */
    public Mono<T> findById(Object id) {
        return Mono.defer(() -> {
            AsyncPostgresBackend b = backend();
            return b.runner().read(caps -> QueryTerminals.byId(meta(), id, caps, b.handle()), b.routes());
        }).onErrorMap(e -> ModelErrors.explain(meta(), e));
    }

    /** The row with this primary key; errors with {@link RecordNotFoundException} when there is none. */
    public Mono<T> getById(Object id) {
        return findById(id).switchIfEmpty(Mono.error(() -> new RecordNotFoundException(
                type.getSimpleName() + " with id " + Finder.describe(id) + " not found")));
    }

    public Flux<T> findAll() {
        return query().all();
    }

    public Mono<Long> count() {
        return query().count();
    }

    public Mono<Integer> insertAll(Collection<T> models) {
        List<T> list = List.copyOf(models);
        return run((caps, json) -> BulkWrites.insertAll(meta(), list, caps, json), list);
    }

    /**
     * A multi-row upsert as the {@link Upsert} describes. With DO UPDATE every model is filled
     * from RETURNING; with DO NOTHING or an update WHERE only the models whose rows were written.
     *
     * @return the rows inserted or updated
     */
    public Mono<Integer> upsertAll(Collection<T> models, Upsert upsert) {
        List<T> list = List.copyOf(models);
        return run((caps, json) -> BulkWrites.upsertAll(meta(), list, caps, json, upsert), list);
    }

    public Mono<Integer> upsertAll(Collection<T> models, String... conflictColumns) {
        List<T> list = List.copyOf(models);
        return run((caps, json) -> BulkWrites.upsertAll(meta(), list, caps, json, conflictColumns), list);
    }

    /** As {@link Finder#copyIn(Collection)}: emits the rows copied. */
    public Mono<Long> copyIn(Collection<T> models) {
        List<T> list = List.copyOf(models);
        return Mono.defer(() -> {
            AsyncPostgresBackend b = backend();
            return b.runner().run(caps -> BulkWrites.copyIn(meta(), list, caps, b.jsonMapper()));
        }).onErrorMap(e -> ModelErrors.explain(meta(), e));
    }

    /** A write of the models, planned with the backend's JSON mapper, which writes their JSON fields. */
    private Mono<Integer> run(BiFunction<Capabilities, ObjectMapper, Work<Integer>> plan, List<T> models) {
        return Mono.defer(() -> {
            AsyncPostgresBackend b = backend();
            return b.runner().run(caps -> plan.apply(caps, b.jsonMapper()))
                    .doOnNext(n -> models.forEach(m -> ((Model) m).backendHandle(b.handle())));
        }).onErrorMap(e -> ModelErrors.explain(meta(), e));
    }

    /**
     * {@code MERGE}s the models into the table (PostgreSQL 15+): rows matching on
     * {@code matchColumns} are updated, the others inserted. From PostgreSQL 17 the models are
     * filled from {@code MERGE ... RETURNING}; before that they are not read back.
     *
     * @return the rows merged
     */
    public Mono<Integer> mergeAll(Collection<T> models, String... matchColumns) {
        List<T> list = List.copyOf(models);
        return run((caps, json) -> BulkMerge.mergeAll(meta(), list, caps, json, matchColumns), list);
    }

    public Table<Record> table() {
        return meta().typedTable();
    }

    public RecordMapper<Record, T> mapper() {
        ModelMeta<T> meta = meta();
        return r -> RowMapper.mapByName(meta, r, ModelBackends.handle(backend));
    }
}
