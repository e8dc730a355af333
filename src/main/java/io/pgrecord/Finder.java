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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.Table;
import org.jspecify.annotations.Nullable;

/**
 * The entry point for a blocking model's queries and bulk writes, usually held in a static
 * field: {@code public static final Finder<User> find = finder(User.class);}. Thread-safe.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=finder}
 *
 * @param <T> the model
 */
public final class Finder<T> {

    private final Class<T> type;
    private final @Nullable PostgresBackend backend;

    Finder(Class<T> type, @Nullable PostgresBackend backend) {
        this.type = type;
        this.backend = backend;
    }

    /** This finder on an explicit backend, e.g. to use two databases side by side. */
    public Finder<T> using(PostgresBackend backend) {
        return new Finder<>(type, backend);
    }

    private ModelMeta<T> meta() {
        return ModelMeta.of(type);
    }

    private PostgresBackend backend() {
        return backend != null ? backend : ModelBackends.blocking(type);
    }

    public Query<T> query() {
        return new Query<>(QuerySpec.empty(meta()), backend);
    }

    /** A query whose records are in strict-loading mode; see {@link QueryBuilder#strictLoading()}. */
    public Query<T> strictLoading() {
        return query().strictLoading();
    }

    /** A query that goes to the primary even on a backend with replicas ({@link QueryBuilder#onPrimary()}). */
    public Query<T> onPrimary() {
        return query().onPrimary();
    }

    public Query<T> where(Condition... conditions) {
        return query().where(conditions);
    }

    public Query<T> where(String sql, @Nullable Object... binds) {
        return query().where(sql, binds);
    }

    /** The row with this primary key, if any (a composite key takes an {@code Object[]}). */
    public Optional<T> findById(Object id) {
        return Optional.ofNullable(loadById(id));
    }

    /** The row with this primary key, or null. */
    private @Nullable T loadById(Object id) {
        PostgresBackend b = backend();
        try {
            return b.runner().read(caps -> QueryTerminals.byId(meta(), id, caps, b.handle()), b.routes());
        } catch (RuntimeException e) {
            throw ModelErrors.explainRuntime(meta(), e);
        }
    }

    /**
     * The row with this primary key.
     *
     * @throws RecordNotFoundException when there is none
     */
    public T getById(Object id) {
        // no Optional and no exception supplier: this is the hot path of a load by id
        T found = loadById(id);
        if (found == null) {
            throw new RecordNotFoundException(type.getSimpleName() + " with id " + describe(id) + " not found");
        }
        return found;
    }

    static String describe(Object id) {
        return id instanceof Object[] a ? Arrays.toString(a) : String.valueOf(id);
    }

    public List<T> findAll() {
        return query().all();
    }

    public long count() {
        return query().count();
    }

    /**
     * Inserts the models in one multi-row INSERT per chunk and fills each with what the
     * database stored (ids, defaults). Validation and before-hooks run for all before any SQL.
     *
     * @return the rows inserted
     */
    public int insertAll(Collection<T> models) {
        List<T> list = List.copyOf(models);
        return run((caps, json) -> BulkWrites.insertAll(meta(), list, caps, json), list);
    }

    /**
     * A multi-row upsert as the {@link Upsert} describes. With DO UPDATE every model is filled
     * from RETURNING; with DO NOTHING or an update WHERE only the models whose rows were written.
     *
     * @return the rows inserted or updated
     */
    public int upsertAll(Collection<T> models, Upsert upsert) {
        List<T> list = List.copyOf(models);
        return run((caps, json) -> BulkWrites.upsertAll(meta(), list, caps, json, upsert), list);
    }

    /** {@code insertAll} with {@code ON CONFLICT (cols) DO UPDATE}; no columns means the primary key. */
    public int upsertAll(Collection<T> models, String... conflictColumns) {
        List<T> list = List.copyOf(models);
        return run((caps, json) -> BulkWrites.upsertAll(meta(), list, caps, json, conflictColumns), list);
    }

    /**
     * Loads the models with {@code COPY ... FROM STDIN}, the fastest bulk path: no hooks, no
     * validation and no generated keys read back. Atomic: a row the server rejects aborts the
     * whole copy and nothing is written.
     *
     * @return the rows copied
     */
    public long copyIn(Collection<T> models) {
        List<T> list = List.copyOf(models);
        try {
            PostgresBackend b = backend();
            return b.runner().run(caps -> BulkWrites.copyIn(meta(), list, caps, b.jsonMapper()));
        } catch (RuntimeException e) {
            throw ModelErrors.explainRuntime(meta(), e);
        }
    }

    /** A write of the models, planned with the backend's JSON mapper, which writes their JSON fields. */
    private int run(BiFunction<Capabilities, ObjectMapper, Work<Integer>> plan, List<T> models) {
        PostgresBackend b = backend();
        try {
            int n = b.runner().run(caps -> plan.apply(caps, b.jsonMapper()));
            models.forEach(m -> ((Model) m).backendHandle(b.handle()));
            return n;
        } catch (RuntimeException e) {
            throw ModelErrors.explainRuntime(meta(), e);
        }
    }

    /**
     * {@code MERGE}s the models into the table (PostgreSQL 15+): rows matching on
     * {@code matchColumns} are updated, the others inserted. From PostgreSQL 17 the models are
     * filled from {@code MERGE ... RETURNING}; before that they are not read back.
     *
     * @return the rows merged
     */
    public int mergeAll(Collection<T> models, String... matchColumns) {
        List<T> list = List.copyOf(models);
        return run((caps, json) -> BulkMerge.mergeAll(meta(), list, caps, json, matchColumns), list);
    }

    /** The model's jOOQ table, with its columns as typed fields: to join or select from with raw jOOQ, read as the models read them. */
    public Table<Record> table() {
        return meta().typedTable();
    }

    /** Maps raw jOOQ records into models by column name: {@code dsl.select(...).fetch(User.find.mapper())}. */
    public RecordMapper<Record, T> mapper() {
        ModelMeta<T> meta = meta();
        return r -> RowMapper.mapByName(meta, r, ModelBackends.handle(backend));
    }
}
