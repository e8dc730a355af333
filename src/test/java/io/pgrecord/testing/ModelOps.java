package io.pgrecord.testing;

import io.pgrecord.ActiveRecord;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncFinder;
import io.pgrecord.AsyncHasMany;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.AsyncQuery;
import io.pgrecord.Finder;
import io.pgrecord.HasMany;
import io.pgrecord.Model;
import io.pgrecord.PostgresBackend;
import io.pgrecord.Query;
import io.pgrecord.QueryBuilder;
import io.pgrecord.StatementLog;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives the blocking model API ({@code User}, {@code Query}) or the reactive one
 * ({@code AsyncUser}, {@code AsyncQuery}) through one interface, so a scenario is written once and
 * runs on both. Model pairs share their fields; {@link #type(String)} picks the right class.
 * Everything is bound to the test class's own backends, never the global default.
 */
public final class ModelOps {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Exec exec;
    private final PostgresBackend blocking;
    private final AsyncPostgresBackend async;

    private ModelOps(Exec exec, PostgresBackend blocking, AsyncPostgresBackend async) {
        this.exec = exec;
        this.blocking = blocking;
        this.async = async;
    }

    public static ModelOps on(Exec exec, TestDatabase db) {
        return exec == Exec.JDBC ? new ModelOps(exec, db.blocking(), null) : new ModelOps(exec, null, db.async());
    }

    /** Models on a backend the test made itself, e.g. one with other session settings. */
    public static ModelOps with(PostgresBackend backend) {
        return new ModelOps(Exec.JDBC, backend, null);
    }

    /** Models on a reactive backend the test made itself. */
    public static ModelOps with(AsyncPostgresBackend backend) {
        return new ModelOps(Exec.R2DBC, null, backend);
    }

    public Exec exec() {
        return exec;
    }

    public StatementLog log() {
        return exec == Exec.JDBC ? blocking.statementLog() : async.statementLog();
    }

    /** The model class for a simple name: {@code "User"} or its reactive twin {@code "AsyncUser"}. */
    @SuppressWarnings("unchecked")
    public <M extends Model> Class<M> type(String name) {
        try {
            return (Class<M>) Class.forName("io.pgrecord.models." + (exec == Exec.JDBC ? "" : "Async") + name);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A new, unsaved instance with fields set from name/value pairs. */
    public <M extends Model> M create(String model, Object... fieldValues) {
        Class<M> type = type(model);
        try {
            M m = type.getDeclaredConstructor().newInstance();
            for (int i = 0; i < fieldValues.length; i += 2) {
                set(m, (String) fieldValues[i], fieldValues[i + 1]);
            }
            return bind(m);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new instance, saved. */
    public <M extends Model> M insert(String model, Object... fieldValues) {
        M m = create(model, fieldValues);
        save(m);
        return m;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <M extends Model> M bind(M m) {
        if (m instanceof ActiveRecord r) {
            r.using(blocking);
        } else {
            ((AsyncActiveRecord) m).using(async);
        }
        return m;
    }

    public static void set(Object model, String field, Object value) {
        try {
            Field f = model.getClass().getField(field);
            f.set(model, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <X> X get(Object model, String field) {
        try {
            return (X) model.getClass().getField(field).get(model);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public int save(Model m) {
        return m instanceof ActiveRecord<?> r ? r.save() : block(((AsyncActiveRecord<?>) m).save());
    }

    public int insertRow(Model m) {
        return m instanceof ActiveRecord<?> r ? r.insert() : block(((AsyncActiveRecord<?>) m).insert());
    }

    public int update(Model m) {
        return m instanceof ActiveRecord<?> r ? r.update() : block(((AsyncActiveRecord<?>) m).update());
    }

    public int delete(Model m) {
        return m instanceof ActiveRecord<?> r ? r.delete() : block(((AsyncActiveRecord<?>) m).delete());
    }

    public void refresh(Model m) {
        if (m instanceof ActiveRecord<?> r) {
            r.refresh();
        } else {
            ((AsyncActiveRecord<?>) m).refresh().block(WAIT);
        }
    }

    public int upsert(Model m, String... conflict) {
        return m instanceof ActiveRecord<?> r ? r.upsert(conflict) : block(((AsyncActiveRecord<?>) m).upsert(conflict));
    }

    public int upsert(Model m, io.pgrecord.Upsert upsert) {
        return m instanceof ActiveRecord<?> r ? r.upsert(upsert) : block(((AsyncActiveRecord<?>) m).upsert(upsert));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public int upsertAll(String model, Collection<?> models, io.pgrecord.Upsert upsert) {
        Object f = finder(model);
        return f instanceof Finder finder ? finder.using(blocking).upsertAll(models, upsert)
                : block(((AsyncFinder) f).using(async).upsertAll(models, upsert));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public int mergeAll(String model, Collection<?> models, String... match) {
        Object f = finder(model);
        return f instanceof Finder finder ? finder.using(blocking).mergeAll(models, match)
                : block(((AsyncFinder) f).using(async).mergeAll(models, match));
    }

    @SuppressWarnings("unchecked")
    public <M> List<io.pgrecord.Change<M>> updateAllReturning(QueryBuilder<M, ?> q, Map<String, ?> values) {
        return q instanceof Query<?> b ? (List<io.pgrecord.Change<M>>) (List<?>) b.updateAllReturning(values)
                : ((AsyncQuery<M>) (Object) q).updateAllReturning(values).collectList().block(WAIT);
    }

    public int restore(Model m) {
        return m instanceof ActiveRecord<?> r ? r.restore() : block(((AsyncActiveRecord<?>) m).restore());
    }

    /** The base query of a model, bound to this test's backend. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <M> QueryBuilder<M, ?> query(String model) {
        Object finder = finder(model);
        return finder instanceof Finder f ? f.using(blocking).query() : ((AsyncFinder) finder).using(async).query();
    }

    /** The finder's {@code strictLoading()} query of a model, bound to this test's backend. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <M> QueryBuilder<M, ?> strictQuery(String model) {
        Object finder = finder(model);
        return finder instanceof Finder f ? f.using(blocking).strictLoading() : ((AsyncFinder) finder).using(async).strictLoading();
    }

    /** The model's {@code find.table()}: its table with the model's columns as typed fields. */
    public org.jooq.Table<org.jooq.Record> table(String model) {
        Object f = finder(model);
        return f instanceof Finder<?> finder ? finder.table() : ((AsyncFinder<?>) f).table();
    }

    private Object finder(String model) {
        try {
            return type(model).getField("find").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public <M> Optional<M> findById(String model, Object id) {
        Object f = finder(model);
        return f instanceof Finder finder ? finder.using(blocking).findById(id)
                : Optional.ofNullable((M) ((AsyncFinder) f).using(async).findById(id).block(WAIT));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public <M> M getById(String model, Object id) {
        Object f = finder(model);
        return f instanceof Finder finder ? (M) finder.using(blocking).getById(id)
                : (M) ((AsyncFinder) f).using(async).getById(id).block(WAIT);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public int insertAll(String model, Collection<?> models) {
        Object f = finder(model);
        return f instanceof Finder finder ? finder.using(blocking).insertAll(models)
                : block(((AsyncFinder) f).using(async).insertAll(models));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public int upsertAll(String model, Collection<?> models, String... conflict) {
        Object f = finder(model);
        return f instanceof Finder finder ? finder.using(blocking).upsertAll(models, conflict)
                : block(((AsyncFinder) f).using(async).upsertAll(models, conflict));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public long copyIn(String model, Collection<?> models) {
        Object f = finder(model);
        return f instanceof Finder finder ? finder.using(blocking).copyIn(models)
                : (Long) ((AsyncFinder) f).using(async).copyIn(models).block(WAIT);
    }

    @SuppressWarnings("unchecked")
    public <M> List<M> all(QueryBuilder<M, ?> q) {
        return q instanceof Query<?> b ? (List<M>) b.all() : ((AsyncQuery<M>) (Object) q).all().collectList().block(WAIT);
    }

    @SuppressWarnings("unchecked")
    public <M> Optional<M> first(QueryBuilder<M, ?> q) {
        return q instanceof Query<?> b ? (Optional<M>) b.first() : Optional.ofNullable(((AsyncQuery<M>) (Object) q).first().block(WAIT));
    }

    @SuppressWarnings("unchecked")
    public <M> M one(QueryBuilder<M, ?> q) {
        return q instanceof Query<?> b ? (M) b.one() : ((AsyncQuery<M>) (Object) q).one().block(WAIT);
    }

    public long count(QueryBuilder<?, ?> q) {
        return q instanceof Query<?> b ? b.count() : ((AsyncQuery<?>) q).count().block(WAIT);
    }

    public boolean exists(QueryBuilder<?, ?> q) {
        return q instanceof Query<?> b ? b.exists() : ((AsyncQuery<?>) q).exists().block(WAIT);
    }

    public <X> List<X> pluck(QueryBuilder<?, ?> q, String column, Class<X> type) {
        return q instanceof Query<?> b ? b.pluck(column, type) : ((AsyncQuery<?>) q).pluck(column, type).collectList().block(WAIT);
    }

    public BigDecimal sum(QueryBuilder<?, ?> q, String column) {
        return q instanceof Query<?> b ? b.sum(column) : ((AsyncQuery<?>) q).sum(column).block(WAIT);
    }

    public BigDecimal avg(QueryBuilder<?, ?> q, String column) {
        return q instanceof Query<?> b ? b.avg(column) : ((AsyncQuery<?>) q).avg(column).block(WAIT);
    }

    public Object min(QueryBuilder<?, ?> q, String column) {
        return q instanceof Query<?> b ? b.min(column) : ((AsyncQuery<?>) q).min(column).block(WAIT);
    }

    public Object max(QueryBuilder<?, ?> q, String column) {
        return q instanceof Query<?> b ? b.max(column) : ((AsyncQuery<?>) q).max(column).block(WAIT);
    }

    public Result<Record> fetch(QueryBuilder<?, ?> q) {
        return q instanceof Query<?> b ? b.fetch() : ((AsyncQuery<?>) q).fetch().block(WAIT);
    }

    public int updateAll(QueryBuilder<?, ?> q, Map<String, ?> values) {
        return q instanceof Query<?> b ? b.updateAll(values) : block(((AsyncQuery<?>) q).updateAll(values));
    }

    public int deleteAll(QueryBuilder<?, ?> q) {
        return q instanceof Query<?> b ? b.deleteAll() : block(((AsyncQuery<?>) q).deleteAll());
    }

    public String explain(QueryBuilder<?, ?> q) {
        return q instanceof Query<?> b ? b.explain() : ((AsyncQuery<?>) q).explain().block(WAIT);
    }

    /** Every row of the query, read through {@code stream()}. */
    @SuppressWarnings("unchecked")
    public <M> List<M> streamAll(QueryBuilder<M, ?> q) {
        if (q instanceof Query<?> b) {
            try (var s = b.stream()) {
                return (List<M>) s.toList();
            }
        }
        return ((AsyncQuery<M>) q).stream().collectList().block(WAIT);
    }

    /** Counts the stream's rows one by one, calling the probe every 1,000 rows. */
    public long streamCount(QueryBuilder<?, ?> q, Runnable probe) {
        long[] n = {0};
        if (q instanceof Query<?> b) {
            try (var s = b.stream()) {
                s.forEach(x -> {
                    if (++n[0] % 1000 == 0) {
                        probe.run();
                    }
                });
            }
        } else {
            ((AsyncQuery<?>) q).stream().doOnNext(x -> {
                if (++n[0] % 1000 == 0) {
                    probe.run();
                }
            }).blockLast(WAIT);
        }
        return n[0];
    }

    /** A to-many relation's value by field name. */
    @SuppressWarnings("unchecked")
    public <M> List<M> many(Object owner, String relation) {
        Object r = get(owner, relation);
        return r instanceof HasMany<?> h ? (List<M>) h.get() : (List<M>) ((AsyncHasMany<?>) r).get().collectList().block(WAIT);
    }

    /** A to-one relation's value by field name, or null. */
    @SuppressWarnings("unchecked")
    public <M> M single(Object owner, String relation) {
        Object r = get(owner, relation);
        return switch (r) {
            case io.pgrecord.BelongsTo<?> b -> (M) b.get();
            case io.pgrecord.HasOne<?> h -> (M) h.get();
            case io.pgrecord.AsyncBelongsTo<?> b -> (M) b.get().block(WAIT);
            case io.pgrecord.AsyncHasOne<?> h -> (M) h.get().block(WAIT);
            default -> throw new IllegalArgumentException(relation + " is not a to-one relation");
        };
    }

    private static int block(Mono<Integer> m) {
        Integer n = m.block(WAIT);
        return n == null ? 0 : n;
    }

    @SuppressWarnings("unused")
    private static <T> List<T> blockAll(Flux<T> f) {
        return f.collectList().block(WAIT);
    }
}
