package io.pgrecord.internal.query;

import io.pgrecord.internal.model.FieldMeta;
import io.pgrecord.internal.model.ModelErrors;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.model.RecordPersistence;
import io.pgrecord.internal.types.BindValues;
import io.pgrecord.internal.types.ColumnKind;
import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.GroupField;
import org.jooq.JoinType;
import org.jooq.OrderField;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;

/**
 * An immutable description of a model query. Every builder of {@code Query} and
 * {@code AsyncQuery} returns a copy with one part changed, so base queries can be shared across
 * threads. {@link QueryPlanner} turns it into jOOQ.
 */
public final class QuerySpec {

    public enum DeletedScope { DEFAULT, WITH_DELETED, ONLY_DELETED }

    public enum LockStrength { UPDATE, NO_KEY_UPDATE, SHARE, KEY_SHARE }

    public enum LockWait { WAIT, NO_WAIT, SKIP_LOCKED }

    public enum SetOperator { UNION, UNION_ALL, INTERSECT, EXCEPT }

    public record Join(TableLike<?> table, JoinType type, Condition on) {
    }

    /** An ORDER BY on a model column by name, qualified at planning time by the query's source. */
    public record NamedOrder(FieldMeta field, boolean descending) {
    }

    public record Lock(LockStrength strength, LockWait mode, List<Table<?>> of) {
    }

    /** A CTE; {@code source} is a jOOQ {@link Select} or a {@code QuerySpec}. */
    public record Cte(String name, List<String> columns, Object source, boolean recursive) {
    }

    /** A set operation; {@code other} is a jOOQ {@link Select} or a {@code QuerySpec}. */
    public record SetOp(SetOperator operator, Object other) {
    }

    /** The rows of {@code left} combined with {@code op}'s: the table a query built on a set operation reads. */
    public record Combined(QuerySpec left, SetOp op) {
    }

    final ModelMeta<?> meta;
    List<Condition> where = List.of();
    List<Object> orderBy = List.of();
    /** Whether {@link #orderBy} is a relation's default, which the first explicit order replaces. */
    boolean defaultOrder;
    Integer limit;
    Integer offset;
    List<String> includes = List.of();
    boolean strictLoading;
    DeletedScope deleted = DeletedScope.DEFAULT;
    /** The SQL's shape so far, unkeyed once a jOOQ object only jOOQ can render is added. */
    QueryShape shape = QueryShape.EMPTY;
    Param<Long> offsetParam;
    boolean onPrimary;
    /** The parts few queries have, shared by the copies until one of them changes a part. */
    Rare rare = Rare.NONE;

    /**
     * The parts of a query that most queries leave empty: kept apart so that a builder step,
     * which copies the query, copies a single reference for all of them.
     */
    static final class Rare {
        static final Rare NONE = new Rare();

        boolean withTies;
        List<GroupField> groupBy = List.of();
        List<Condition> having = List.of();
        boolean distinct;
        List<SelectFieldOrAsterisk> distinctOn = List.of();
        List<SelectFieldOrAsterisk> select;
        List<Join> joins = List.of();
        Lock lock;
        List<Cte> ctes = List.of();
        String fromCte;
        /** The set operation whose result this query reads, or null. */
        Combined combined;
        Duration timeout;

        private Rare copy() {
            Rare c = new Rare();
            c.withTies = withTies;
            c.groupBy = groupBy;
            c.having = having;
            c.distinct = distinct;
            c.distinctOn = distinctOn;
            c.select = select;
            c.joins = joins;
            c.lock = lock;
            c.ctes = ctes;
            c.fromCte = fromCte;
            c.combined = combined;
            c.timeout = timeout;
            return c;
        }
    }

    /** Each model's query with no part yet, shared: a spec is immutable, and most queries start from it. */
    private static final ClassValue<QuerySpec> EMPTY = new ClassValue<>() {
        @Override
        protected QuerySpec computeValue(Class<?> model) {
            return new QuerySpec(ModelMeta.of(model));
        }
    };

    public QuerySpec(ModelMeta<?> meta) {
        this.meta = meta;
    }

    /** The model's query with no part yet, shared by every query started from it. */
    public static QuerySpec empty(ModelMeta<?> meta) {
        QuerySpec spec = EMPTY.get(meta.type());
        return spec.meta == meta ? spec : new QuerySpec(meta);
    }

    private QuerySpec copy() {
        QuerySpec c = new QuerySpec(meta);
        c.where = where;
        c.orderBy = orderBy;
        c.defaultOrder = defaultOrder;
        c.limit = limit;
        c.offset = offset;
        c.includes = includes;
        c.strictLoading = strictLoading;
        c.deleted = deleted;
        c.shape = shape;
        c.offsetParam = offsetParam;
        c.onPrimary = onPrimary;
        c.rare = rare;
        return c;
    }

    /** A copy whose rare parts are its own, to change one of them. */
    private QuerySpec copyWithRare(QuerySpec c) {
        c.rare = rare.copy();
        return c;
    }

    /** This query pinned to the primary, whatever the routing. */
    public QuerySpec onPrimary() {
        QuerySpec c = copy();
        c.onPrimary = true;
        return c;
    }

    /** Whether the query reads the model's table itself, not rows given its name (a CTE's, a set operation's). */
    public boolean readsTable() {
        return rare.fromCte == null && rare.combined == null;
    }

    /** Where the query's columns of the model come from, to tell whose an undefined column is. */
    public ModelErrors.Source columnSource() {
        return readsTable() ? ModelErrors.Source.TABLE : ModelErrors.Source.ROWS;
    }

    /** Whether the query selects the model's own columns, in their order (no {@code select(...)} of the caller's). */
    public boolean ownProjection() {
        return rare.select == null;
    }

    /**
     * Whether a backend with replicas may send this read to one: not when pinned to the primary,
     * and never with a row lock ({@code FOR UPDATE/SHARE}), which a standby refuses. A read with
     * a timeout is a read-only transaction, which the backend routes as a whole
     * ({@code QueryTerminals.timed}).
     */
    public boolean routable() {
        return !onPrimary && rare.lock == null;
    }

    /** A copy whose SQL cannot be keyed: it holds a part only jOOQ can render. */
    private QuerySpec unshaped() {
        QuerySpec c = copy();
        c.shape = shape.unkeyed();
        return c;
    }

    /**
     * SQL text with {@code ?} binds; keyed when every bind is a plain, non-null value. A list in
     * {@code IN (?)} is one bind per element ({@link InLists}).
     */
    public QuerySpec whereSql(String sql, Object... binds) {
        InLists.Text expanded = InLists.expand(sql, binds);
        if (expanded != null) {
            sql = expanded.sql();
            binds = expanded.binds();
        }
        int n = binds == null ? 0 : binds.length;
        // made only when a bind is a query part: with plain values only, plain holds every bind
        QueryPart[] parts = null;
        Param<?>[] plain = new Param<?>[n];
        for (int i = 0; i < n; i++) {
            // a null, or a list with no element to type it by, is a literal (see Sql.param), which a
            // cached statement's bind cannot stand for
            if (binds[i] instanceof QueryPart || binds[i] == null || Sql.elementsUnknown(binds[i])) {
                if (parts == null) {
                    parts = new QueryPart[n];
                }
                parts[i] = binds[i] instanceof QueryPart part ? part : Sql.param(binds[i]);
                continue;
            }
            plain[i] = Sql.param(binds[i]);
        }
        QuerySpec c = copy();
        c.where = plus(where, List.of(Sql.deferred(sql, parts, plain)));
        c.shape = parts == null ? shape.plusSql(sql, plain) : shape.unkeyed();
        return c;
    }

    /** The row with this primary key (a composite key takes an {@code Object[]} or a {@code List}). */
    public QuerySpec whereId(Object id) {
        List<Param<?>> params = new ArrayList<>();
        QuerySpec c = copy();
        c.where = plus(where, List.of(RecordPersistence.idCondition(meta, id, params)));
        c.shape = shape.plusId(params);
        return c;
    }

    /**
     * The keys of {@code field} as one array bind, for {@code column = any(?)}; null when the
     * field's type has no array kind here (the caller then writes an IN list).
     */
    @SuppressWarnings("unchecked")
    public static Param<Object> keyArray(FieldMeta field, Collection<?> keys) {
        ColumnKind kind = ColumnKind.of(field.dataType());
        ColumnKind arrayKind = kind == null ? null : kind.arrayKind();
        if (arrayKind == null) {
            return null;
        }
        Object[] array = (Object[]) Array.newInstance(kind.type(), keys.size());
        int i = 0;
        for (Object k : keys) {
            array[i++] = BindValues.check(field.column(), field.dataType(), k);
        }
        return DSL.val(array, (DataType<Object>) arrayKind.arrayDataType());
    }

    /** The order by the model's key, ascending: what reads without an order of the caller's use. */
    public static List<NamedOrder> byKey(ModelMeta<?> meta) {
        return meta.ids().stream().map(id -> new NamedOrder(id, false)).toList();
    }

    /** {@code field IN (keys)}; keyed by the number of keys. */
    @SuppressWarnings("unchecked")
    public QuerySpec whereIn(FieldMeta field, Collection<?> keys) {
        Param<Object> p = keyArray(field, keys);
        if (p != null) {
            // one array bind, key = any(?): the same statement for any number of keys
            QuerySpec c = copy();
            // a template, not eq(any(p)): jOOQ infers types for that on every call, about a microsecond
            c.where = plus(where, List.of(DSL.condition("{0} = any({1})", field.field(), p)));
            c.shape = shape.plusAny(field.column(), p);
            return c;
        }
        List<Param<?>> params = new ArrayList<>(keys.size());
        for (Object k : keys) {
            params.add(DSL.val(BindValues.check(field.column(), field.dataType(), k), field.dataType()));
        }
        QuerySpec c = copy();
        c.where = plus(where, List.of(field.field().in(params)));
        c.shape = shape.plusIn(field.column(), params);
        return c;
    }

    /** {@code list} and then {@code more}, unmodifiable, copied once; no element may be null. */
    @SuppressWarnings("unchecked")
    private static <E> List<E> plus(List<E> list, List<? extends E> more) {
        if (list.isEmpty()) {
            // the usual first clause: an immutable list (List.of) is kept as it is, not copied
            return List.copyOf(more);
        }
        int n = list.size();
        Object[] all = list.toArray(new Object[n + more.size()]);
        for (Object e : more) {
            all[n++] = Objects.requireNonNull(e);
        }
        return (List<E>) Collections.unmodifiableList(Arrays.asList(all));
    }

    public ModelMeta<?> meta() {
        return meta;
    }

    public QuerySpec where(List<Condition> conditions) {
        QuerySpec c = unshaped();
        c.where = plus(where, conditions);
        return c;
    }

    /** Items are jOOQ {@link OrderField}s or {@link NamedOrder}s. */
    public QuerySpec orderBy(List<?> fields) {
        if (defaultOrder) {
            // the relation's order by key only stands in for an order the caller did not give
            QuerySpec c = unshaped();
            c.orderBy = List.copyOf(fields);
            c.defaultOrder = false;
            return c;
        }
        QuerySpec c = allNamed(fields) ? copy() : unshaped();
        c.orderBy = plus(orderBy, fields);
        c.shape = c.shape.plusOrder(fields);
        return c;
    }

    /** An order that the first {@link #orderBy(List)} replaces rather than extends. */
    public QuerySpec defaultOrderBy(List<NamedOrder> fields) {
        QuerySpec c = orderBy(fields);
        c.defaultOrder = true;
        return c;
    }

    /** A loop, not a stream: this runs on every {@code orderBy} of every query. */
    private static boolean allNamed(List<?> fields) {
        // indexed: an iterator is an object per call wherever the JIT does not remove it
        for (int i = 0; i < fields.size(); i++) {
            if (!(fields.get(i) instanceof NamedOrder)) {
                return false;
            }
        }
        return true;
    }

    public QuerySpec limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + n);
        }
        QuerySpec c = copy();
        c.limit = n;
        return c;
    }

    public QuerySpec offset(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + n);
        }
        QuerySpec c = copy();
        c.offset = n;
        c.offsetParam = DSL.val((long) n);
        return c;
    }

    public QuerySpec withTies() {
        QuerySpec c = copyWithRare(unshaped());
        c.rare.withTies = true;
        return c;
    }

    public QuerySpec groupBy(List<? extends GroupField> fields) {
        QuerySpec c = copyWithRare(unshaped());
        c.rare.groupBy = plus(rare.groupBy, fields);
        return c;
    }

    public QuerySpec having(List<Condition> conditions) {
        QuerySpec c = copyWithRare(unshaped());
        c.rare.having = plus(rare.having, conditions);
        return c;
    }

    public QuerySpec distinct() {
        QuerySpec c = copyWithRare(unshaped());
        c.rare.distinct = true;
        return c;
    }

    public QuerySpec distinctOn(List<? extends SelectFieldOrAsterisk> fields) {
        QuerySpec c = copyWithRare(unshaped());
        c.rare.distinctOn = plus(rare.distinctOn, fields);
        return c;
    }

    public QuerySpec select(List<? extends SelectFieldOrAsterisk> fields) {
        QuerySpec c = copyWithRare(unshaped());
        c.rare.select = plus(rare.select == null ? List.of() : rare.select, fields);
        return c;
    }

    /** This query in the model's own projection: a {@code select(...)} of the caller's dropped. */
    QuerySpec withoutSelect() {
        if (rare.select == null) {
            return this;
        }
        QuerySpec c = copyWithRare(unshaped());
        c.rare.select = null;
        return c;
    }

    public QuerySpec join(Join join) {
        QuerySpec c = copyWithRare(unshaped());
        c.rare.joins = plus(rare.joins, List.of(join));
        return c;
    }

    public QuerySpec lock(LockStrength strength) {
        QuerySpec c = copyWithRare(unshaped());
        c.rare.lock = new Lock(strength, LockWait.WAIT, List.of());
        return c;
    }

    public QuerySpec lockWait(LockWait wait) {
        QuerySpec c = copyWithRare(copy());
        c.rare.lock = new Lock(requireLock().strength(), wait, rare.lock.of());
        return c;
    }

    public QuerySpec lockOf(List<Table<?>> tables) {
        QuerySpec c = copyWithRare(copy());
        c.rare.lock = new Lock(requireLock().strength(), rare.lock.mode(), plus(rare.lock.of(), tables));
        return c;
    }

    private Lock requireLock() {
        if (rare.lock == null) {
            throw new IllegalStateException("call forUpdate(), forNoKeyUpdate(), forShare() or forKeyShare() first");
        }
        return rare.lock;
    }

    public QuerySpec cte(Cte cte) {
        QuerySpec c = copyWithRare(unshaped());
        c.rare.ctes = plus(rare.ctes, List.of(cte));
        return c;
    }

    public QuerySpec fromCte(String name) {
        QuerySpec c = copyWithRare(unshaped());
        c.rare.fromCte = name;
        return c;
    }

    /**
     * This query combined with another, as a query of its own over the combined rows: what is
     * built on it afterwards (where, orderBy, limit, count) applies to all of them, as in SQL,
     * not to this query alone. The eager loads, strictness, routing and timeout carry over.
     */
    public QuerySpec setOp(SetOp op) {
        QuerySpec left = copy();
        left.includes = List.of();
        QuerySpec c = new QuerySpec(meta);
        // the rows of both sides are this model's: the relations either side includes are loaded for all
        c.includes = op.other() instanceof QuerySpec right && !right.includes.isEmpty() ? plus(includes, right.includes) : includes;
        c.strictLoading = strictLoading;
        c.onPrimary = onPrimary;
        // each branch has applied its own soft-delete scope
        c.deleted = DeletedScope.WITH_DELETED;
        c.shape = QueryShape.EMPTY.unkeyed();
        c.rare = new Rare();
        c.rare.timeout = rare.timeout;
        c.rare.combined = new Combined(left, op);
        return c;
    }

    public QuerySpec include(List<String> relations) {
        QuerySpec c = copy();
        c.includes = plus(includes, relations);
        return c;
    }

    /** Records loaded by the query carry strict loading; the SQL is unchanged. */
    public QuerySpec strictLoading() {
        QuerySpec c = copy();
        c.strictLoading = true;
        return c;
    }

    public QuerySpec timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        QuerySpec c = copyWithRare(copy());
        c.rare.timeout = timeout;
        return c;
    }

    public QuerySpec deleted(DeletedScope scope) {
        QuerySpec c = copy();
        c.deleted = scope;
        return c;
    }

    /**
     * The same rows without projection, locks or eager loading: the base for aggregates. ORDER BY
     * is dropped unless LIMIT, OFFSET or DISTINCT ON make it decide which rows count.
     */
    QuerySpec forAggregate() {
        QuerySpec c = copyWithRare(copy());
        if (limit == null && offset == null && rare.distinctOn.isEmpty()) {
            c.orderBy = List.of();
        }
        c.includes = List.of();
        c.rare.select = null;
        c.rare.lock = null;
        return c;
    }

    public List<String> includes() {
        return includes;
    }

    public boolean isStrictLoading() {
        return strictLoading;
    }

    public Duration timeout() {
        return rare.timeout;
    }

}
