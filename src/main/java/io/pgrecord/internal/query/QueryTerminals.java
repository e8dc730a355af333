package io.pgrecord.internal.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.Change;
import io.pgrecord.error.RecordNotFoundException;
import io.pgrecord.error.TooManyRowsException;
import io.pgrecord.internal.exec.BackendHandle;
import io.pgrecord.internal.exec.RowTarget;
import io.pgrecord.internal.exec.ShapeCache;
import io.pgrecord.internal.exec.StatementTimeout;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.model.FieldMeta;
import io.pgrecord.internal.model.LoadOrigin;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.model.RecordPersistence;
import io.pgrecord.internal.model.RowMapper;
import io.pgrecord.internal.types.BindValues;
import io.pgrecord.internal.types.Conversions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The terminal operations of both query APIs, planned once as {@link Work}. */
public final class QueryTerminals {

    private QueryTerminals() {
    }

    public static <T> Work<List<T>> all(QuerySpec s, Capabilities caps, BackendHandle backend) {
        return all(s, caps, backend, UnaryOperator.identity());
    }

    /** As {@link #all}, with {@code check} applied to the models read before their includes are loaded. */
    @SuppressWarnings("unchecked")
    private static <T> Work<List<T>> all(QuerySpec s, Capabilities caps, BackendHandle backend, UnaryOperator<List<T>> check) {
        ModelMeta<T> meta = (ModelMeta<T>) s.meta;
        Map<String, Object> includes = s.includes.isEmpty() ? Map.of() : Includes.tree(meta, s.includes, caps, s.rare.select);
        if (s.rare.select != null) {
            // a projection of the caller's: its columns are matched to the fields by name, not position
            return timed(s, new Work.Fetch<>(QueryPlanner.select(s, caps), meta, records -> {
                List<T> models = new ArrayList<>(records.size());
                for (Record r : records) {
                    models.add(RowMapper.mapByName(meta, r, backend));
                }
                return loaded(s, meta, check.apply(models), includes, backend, caps);
            }));
        }
        return timed(s, modelRows(s, caps, rows -> {
            // the rows are this statement's own, and not read again
            return loaded(s, meta, check.apply(RowMapper.mapAllInPlace(meta, rows, backend)), includes, backend, caps);
        }));
    }

    /** Models just read, with the query's load origin, and their includes loaded. */
    private static <T> Work<List<T>> loaded(QuerySpec s, ModelMeta<T> meta, List<T> models, Map<String, Object> includes,
            BackendHandle backend, Capabilities caps) {
        LoadOrigin origin = LoadOrigin.of(s.strictLoading, backend.loading());
        LoadOrigin.mark(models, origin);
        return includes.isEmpty() ? Work.done(models) : Includes.load(meta, models, includes, backend, caps, origin);
    }

    /**
     * The rows of a query in the model's projection, as value arrays: from the model's cached
     * statement when the query is keyed (SQL text, columns, key lookups), else rendered now.
     */
    static <T> Work<T> modelRows(QuerySpec s, Capabilities caps, Function<List<Object[]>, Work<T>> next) {
        var columns = s.rare.select == null ? s.meta.columnKinds() : null;
        Object key = QueryShape.keyOf(s);
        if (key == null || columns == null) {
            // the model names a column it cannot read only when the rows are in its projection
            return new Work.Rows<>(QueryPlanner.select(s, caps), null, columns, s.rare.select == null ? s.meta : null, next);
        }
        s.meta.requireCapabilities(caps);
        return s.meta.shapes().rows(key, QueryShape.slotValuesOf(s), columns,
                () -> new ShapeCache.Source<>(QueryPlanner.select(s, caps), QueryShape.slotParamsOf(s), maxRows(s)), next);
    }

    /** The most rows the query returns, as its LIMIT says (WITH TIES may add more), or 0 when it has none. */
    private static int maxRows(QuerySpec s) {
        return s.limit == null || s.rare.withTies ? 0 : s.limit;
    }

    /**
     * With {@code timeout(...)}: runs the work in a transaction whose {@code statement_timeout}
     * is set locally ({@link StatementTimeout}), the setting before put back after it. A read
     * that may go to a replica ({@link QuerySpec#routable}) is a read-only transaction, which the
     * backend routes as a whole, so the setting is made where the read runs, and its commit is
     * not taken for a write to wait for.
     */
    static <T> Work<T> timed(QuerySpec s, Work<T> work) {
        if (s.rare.timeout == null) {
            return work;
        }
        Work<T> timed = new Work.Fetch<>(StatementTimeout.set(s.rare.timeout), rows -> {
            String before = (String) rows.get(0).get(0);
            return work.then(value -> new Work.Fetch<>(StatementTimeout.restore(before), restored -> Work.done(value)));
        });
        return s.routable() && !Work.writes(work) ? Work.readOnly(timed) : Work.pinned(timed);
    }

    /** The key of the by-id lookup in a model's statement cache; no {@code QuerySpec} key equals it. */
    private static final Object BY_ID = new Object() {
        @Override
        public String toString() {
            return "by id";
        }
    };

    /**
     * The row with this primary key, or null: {@code first()} of {@code whereId(id)} on a
     * finder's fresh query, without building that query once its statement is cached (building
     * it was most of pgrecord's own time in a load by id).
     */
    public static <T> Work<T> byId(ModelMeta<T> meta, Object id, Capabilities caps, BackendHandle backend) {
        Object[] key = RecordPersistence.idValues(meta, id);
        meta.requireCapabilities(caps);
        return meta.shapes().rows(BY_ID, key, meta.columnKinds(), () -> {
            QuerySpec s = new QuerySpec(meta).whereId(id).limit(1);
            return new ShapeCache.Source<>(QueryPlanner.select(s, caps), QueryShape.slotParamsOf(s), 1);
        }, rows -> Work.done(rows.isEmpty() ? null : RowMapper.map(meta, rows.get(0), backend)));
    }

    /** The first row, or null. */
    public static <T> Work<T> first(QuerySpec s, Capabilities caps, BackendHandle backend) {
        return QueryTerminals.<T>all(inKeyOrder(s).limit(1), caps, backend).map(list -> list.isEmpty() ? null : list.get(0));
    }

    /**
     * A query without an order, read by primary key, as Rails' {@code first} reads it: the same
     * row every time, not whichever the server met first (an updated row moves in the heap).
     * Left as it is where an added ORDER BY could change the query's meaning or not apply:
     * grouped, DISTINCT ON, set operations, CTEs read with {@code fromCte}, a custom projection,
     * or a model without a key.
     */
    private static QuerySpec inKeyOrder(QuerySpec s) {
        if (!s.orderBy.isEmpty() || s.meta.ids().isEmpty() || !s.rare.distinctOn.isEmpty() || !s.rare.groupBy.isEmpty()
                || s.rare.combined != null || !s.rare.ctes.isEmpty() || s.rare.select != null) {
            return s;
        }
        return s.orderBy(QuerySpec.byKey(s.meta));
    }

    /** Exactly one row. */
    public static <T> Work<T> one(QuerySpec s, Capabilities caps, BackendHandle backend) {
        QuerySpec two = s.limit(s.limit != null ? Math.min(s.limit, 2) : 2);
        // checked before the includes load: a second row wastes no relation query
        return QueryTerminals.<T>all(two, caps, backend, list -> {
            if (list.isEmpty()) {
                throw new RecordNotFoundException("no " + s.meta.type().getSimpleName() + " matched " + describe(s, caps));
            }
            if (list.size() > 1) {
                throw new TooManyRowsException("more than one " + s.meta.type().getSimpleName() + " matched " + describe(s, caps));
            }
            return list;
        }).map(list -> list.get(0));
    }

    private static String describe(QuerySpec s, Capabilities caps) {
        return DSL.using(SQLDialect.POSTGRES).renderInlined(QueryPlanner.filter(s));
    }

    /** Rows the query would return; ORDER BY is dropped, LIMIT and OFFSET are honoured via a subquery. */
    public static Work<Long> count(QuerySpec s, Capabilities caps) {
        Select<?> counted;
        if (QueryPlanner.isPlain(s)) {
            counted = QueryPlanner.body(s.forAggregate(), caps, List.of(DSL.count()));
        } else {
            counted = DSL.select(DSL.count()).from(unordered(s, caps).asTable("q"));
        }
        return timed(s, new Work.Fetch<>(counted, rows -> Work.done(((Number) rows.get(0).get(0)).longValue())));
    }

    public static Work<Boolean> exists(QuerySpec s, Capabilities caps) {
        Select<?> inner = QueryPlanner.isPlain(s)
                ? QueryPlanner.body(s.forAggregate(), caps, List.of(DSL.inline(1)))
                : unordered(s, caps);
        return timed(s, new Work.Fetch<>(DSL.select(DSL.field(DSL.exists(inner))), rows -> Work.done((Boolean) rows.get(0).get(0))));
    }

    /** One column's values, in query order; the column replaces a {@code select(...)} of the caller's, as in Rails. */
    public static <X> Work<List<X>> pluck(QuerySpec s, String column, Class<X> type, Capabilities caps) {
        FieldMeta f = s.meta.resolve(column);
        // as text, an enum is its label and JSON its text, as the server has them, not the Java value's toString()
        Field<?> plucked = type == String.class && f.textDiffersFromValue()
                ? DSL.field("{0}::text", String.class, QueryPlanner.column(s, f)).as(f.column())
                : QueryPlanner.column(s, f);
        QuerySpec projected = s.withoutSelect().select(List.of(plucked));
        projected.includes = List.of();
        return timed(s, new Work.Fetch<>(QueryPlanner.select(projected, caps), rows -> {
            List<X> values = new ArrayList<>(rows.size());
            for (Record r : rows) {
                values.add(Conversions.convert(r.get(0), type));
            }
            return Work.done(values);
        }));
    }

    public enum Aggregate { SUM, AVG, MIN, MAX }

    /** SUM and AVG as BigDecimal (SUM of no rows is 0, AVG null); MIN and MAX in the column's Java type. */
    public static Work<Object> aggregate(QuerySpec query, Aggregate kind, String column, Capabilities caps) {
        FieldMeta f = query.meta.resolve(column);
        QuerySpec s = aggregated(query, kind, f);
        Select<?> select;
        if (QueryPlanner.isPlain(s)) {
            select = QueryPlanner.body(s.forAggregate(), caps, List.of(aggregateOf(kind, QueryPlanner.column(s, f))));
        } else {
            Table<?> q = unordered(s, caps).asTable("q");
            select = DSL.select(aggregateOf(kind, DSL.field(DSL.name("q", f.column()), f.dataType()))).from(q);
        }
        return timed(s, new Work.Fetch<>(select, rows -> {
            Object v = rows.get(0).get(0);
            return Work.done(switch (kind) {
                case SUM -> v == null ? BigDecimal.ZERO : Conversions.convert(v, BigDecimal.class);
                case AVG -> v == null ? null : Conversions.convert(v, BigDecimal.class);
                case MIN, MAX -> v;
            });
        }));
    }

    /**
     * The rows an aggregate of {@code f} reads. A {@code select(...)} of the caller's is dropped,
     * as Rails drops it, unless it makes the rows (GROUP BY, HAVING, DISTINCT): then the
     * aggregate reads the rows it makes, and must find the column among them.
     */
    private static QuerySpec aggregated(QuerySpec s, Aggregate kind, FieldMeta f) {
        List<SelectFieldOrAsterisk> selected = s.rare.select;
        if (selected == null) {
            return s;
        }
        if (s.rare.groupBy.isEmpty() && s.rare.having.isEmpty() && !s.rare.distinct) {
            return s.withoutSelect();
        }
        for (SelectFieldOrAsterisk item : selected) {
            if (!(item instanceof Field<?> field) || field.getName().equals(f.column())) {
                return s;
            }
        }
        throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + "(\"" + f.column() + "\") reads the rows of a grouped or"
                + " DISTINCT select(...), which has no column " + f.column() + "; select it, or aggregate in select(...) and fetch()");
    }

    private static Field<?> aggregateOf(Aggregate kind, Field<Object> field) {
        return switch (kind) {
            case SUM -> DSL.sum(field.coerce(BigDecimal.class));
            case AVG -> DSL.avg(field.coerce(BigDecimal.class));
            case MIN -> DSL.min(field);
            case MAX -> DSL.max(field);
        };
    }

    /** The projection result, for {@code select(...)} and window functions. */
    @SuppressWarnings("deprecation") // getSelect() gives the projection as written, as Fields; fields() qualifies them by a derived alias
    public static Work<Result<Record>> fetch(QuerySpec s, Capabilities caps) {
        Select<Record> select = QueryPlanner.select(s, caps);
        return timed(s, new Work.Fetch<>(select, rows -> {
            Result<Record> result = DSL.using(SQLDialect.POSTGRES).newResult(select.getSelect().toArray(Field[]::new));
            result.addAll(rows);
            return Work.done(result);
        }));
    }

    /**
     * UPDATE of every matching row; keys are column or field names, checked before any SQL, and
     * values of JSON columns with {@code json}, the backend's mapper, which writes them.
     */
    public static Work<Integer> updateAll(QuerySpec s, Map<String, ?> values, Capabilities caps, ObjectMapper json) {
        return timed(s, new Work.Execute<>(updateStatement(s, values, caps, json), Work::done));
    }

    private static Query updateStatement(QuerySpec s, Map<String, ?> values, Capabilities caps, ObjectMapper json) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("updateAll needs at least one column to set");
        }
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            FieldMeta f = s.meta.resolve(e.getKey());
            Object v = e.getValue();
            set.put(f.unqualified(), v instanceof Field<?> expr ? expr : BindValues.of(f.column(), v, f.dataType(), json));
        }
        return DSL.update(s.meta.table()).set(set).where(target(s, caps));
    }

    /**
     * UPDATE ... RETURNING old.*, new.* (PostgreSQL 18+): each changed row as it was and as it is.
     */
    @SuppressWarnings("unchecked")
    public static <T> Work<List<Change<T>>> updateAllReturning(QuerySpec s, Map<String, ?> values,
            Capabilities caps, BackendHandle backend, ObjectMapper json) {
        caps.require(Capability.RETURNING_OLD_NEW);
        ModelMeta<T> meta = (ModelMeta<T>) s.meta;
        Query update = updateStatement(s, values, caps, json);
        List<Field<?>> returned = new ArrayList<>();
        for (String side : List.of("old", "new")) {
            for (FieldMeta f : meta.fields()) {
                returned.add(DSL.field(DSL.name(side).append(f.column()), f.dataType()));
            }
        }
        var query = DSL.resultQuery("{0} returning {1}", update, DSL.list(returned));
        int n = meta.fields().size();
        // old.* then new.*: column i and n + i fill the same field
        RowTarget target = e -> meta.unreadable(e.index() % n, e);
        return timed(s, new Work.Fetch<>(query, target, rows -> {
            List<Change<T>> changes = new ArrayList<>(rows.size());
            for (Record r : rows) {
                Record before = DSL.using(SQLDialect.POSTGRES).newRecord(meta.selectFields().toArray(Field[]::new));
                Record after = DSL.using(SQLDialect.POSTGRES).newRecord(meta.selectFields().toArray(Field[]::new));
                for (int i = 0; i < n; i++) {
                    before.set((Field<Object>) before.field(i), r.get(i));
                    after.set((Field<Object>) after.field(i), r.get(n + i));
                }
                changes.add(new Change<>(RowMapper.map(meta, before, backend), RowMapper.map(meta, after, backend)));
            }
            return Work.done(changes);
        }));
    }

    /**
     * DELETE of every matching row; a soft-delete model's rows not yet deleted are marked
     * instead, so {@code withDeleted()} and {@code onlyDeleted()} keep the time a deleted row
     * was deleted at.
     */
    public static Work<Integer> deleteAll(QuerySpec s, Capabilities caps) {
        FieldMeta deleted = s.meta.softDelete();
        if (deleted == null) {
            return timed(s, new Work.Execute<>(DSL.deleteFrom(s.meta.table()).where(target(s, caps)), Work::done));
        }
        Map<Field<?>, Object> set = Map.of(deleted.unqualified(),
                BindValues.of(deleted.column(), RecordPersistence.softDeleteStamp(deleted), deleted.dataType(), null));
        Condition where = target(s, caps);
        if (s.deleted != QuerySpec.DeletedScope.DEFAULT) {
            // the default scope reads only these rows already
            where = where.and(deleted.field().isNull());
        }
        return timed(s, new Work.Execute<>(DSL.update(s.meta.table()).set(set).where(where), Work::done));
    }

    /** The rows a bulk write touches: the filter itself, or the keys the full query selects. */
    private static Condition target(QuerySpec s, Capabilities caps) {
        // as every operation of a model with a field of a gated type, even one the write leaves alone
        s.meta.requireCapabilities(caps);
        if (QueryPlanner.isPlain(s) && s.rare.joins.isEmpty() && s.rare.fromCte == null) {
            return QueryPlanner.filter(s);
        }
        List<FieldMeta> ids = s.meta.ids();
        if (ids.isEmpty()) {
            throw new IllegalStateException("bulk writes through joins, limits or CTEs need an @Id on " + s.meta.type().getSimpleName());
        }
        QuerySpec keys = s.withoutSelect().select(ids.stream().map(id -> QueryPlanner.column(s, id)).toList());
        keys.includes = List.of();
        Select<Record> sub = QueryPlanner.select(keys, caps);
        if (ids.size() == 1) {
            return ids.get(0).field().in(sub);
        }
        return DSL.row(ids.stream().map(FieldMeta::field).toList()).in(sub);
    }

    /** The server's plan, one line per row of EXPLAIN. */
    public static Work<String> explain(QuerySpec s, Capabilities caps) {
        Select<Record> select = QueryPlanner.select(s, caps);
        var explain = DSL.resultQuery("explain {0}", select);
        return new Work.Fetch<>(explain, rows -> {
            StringBuilder sb = new StringBuilder();
            for (Record r : rows) {
                sb.append(sb.isEmpty() ? "" : "\n").append(r.get(0));
            }
            return Work.done(sb.toString());
        });
    }

    private static Select<Record> unordered(QuerySpec s, Capabilities caps) {
        QuerySpec base = s.forAggregate();
        if (s.rare.select != null) {
            base = base.select(s.rare.select);
        }
        return QueryPlanner.select(base, caps);
    }
}
