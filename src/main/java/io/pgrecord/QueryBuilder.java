package io.pgrecord;

import io.pgrecord.internal.query.NamedOrders;
import io.pgrecord.internal.query.QueryPlanner;
import io.pgrecord.internal.query.QuerySpec.DeletedScope;
import io.pgrecord.internal.query.QuerySpec.LockStrength;
import io.pgrecord.internal.query.QuerySpec.LockWait;
import io.pgrecord.internal.query.QuerySpec.SetOperator;
import io.pgrecord.internal.query.QuerySpec;
import io.pgrecord.internal.query.Sql;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.Field;
import org.jooq.GroupField;
import org.jooq.JoinType;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The builders shared by {@link Query} and {@link AsyncQuery}. Queries are immutable: every
 * builder returns a new query, so a base query can be shared and extended from any thread.
 * Column arguments are column names; a model's Java field name is accepted too, and an unknown
 * name throws {@link IllegalArgumentException} before any SQL is sent.
 *
 * @param <T> the model
 * @param <Q> the concrete query type the builders return
 */
public abstract sealed class QueryBuilder<T, Q extends QueryBuilder<T, Q>> permits Query, AsyncQuery {

    /** Renders queries outside any connection; gates are checked when the query runs. */
    private static final Capabilities RENDER_ONLY = Capabilities.of(new ServerVersion(999, 0, 0));

    private static final Configuration RENDERING = DSL.using(SQLDialect.POSTGRES).configuration();

    final QuerySpec spec;

    QueryBuilder(QuerySpec spec) {
        this.spec = spec;
    }

    abstract Q with(QuerySpec spec);

    /** Adds conditions, ANDed with the others; any jOOQ condition works, generated or not. */
    public Q where(Condition... conditions) {
        return with(spec.where(Arrays.asList(nonNull(conditions, "where", "condition"))));
    }

    /**
     * Adds a SQL condition with {@code ?} binds. String binds are typed by the server, so
     * {@code where("attributes @> ?", "{\"brand\": \"Dell\"}")} compares jsonb.
     */
    public Q where(String sql, @Nullable Object... binds) {
        return with(spec.whereSql(sql, binds));
    }

    /**
     * Orders by columns; {@code "-created_at"} sorts descending. A null or unknown name throws
     * {@link IllegalArgumentException} before any SQL is sent.
     */
    public Q orderBy(String... columns) {
        if (columns == null) {
            throw new IllegalArgumentException("orderBy got a null array of column names");
        }
        if (columns.length == 1) {
            // the usual case: the model keeps the list of each one-column order
            return with(spec.orderBy(NamedOrders.of(spec.meta(), columns[0])));
        }
        QuerySpec.NamedOrder[] order = new QuerySpec.NamedOrder[columns.length];
        for (int i = 0; i < columns.length; i++) {
            order[i] = NamedOrders.resolve(spec.meta(), columns[i]);
        }
        // immutable, so the spec and its shape key keep it without copying
        return with(spec.orderBy(List.of(order)));
    }

    public Q orderBy(OrderField<?>... fields) {
        return with(spec.orderBy(Arrays.asList(nonNull(fields, "orderBy", "field"))));
    }

    /** The items, refused before any SQL when the array or one of them is null (jOOQ would fail later, with a bare NPE). */
    private static <X> X[] nonNull(X[] items, String builder, String what) {
        if (items == null) {
            throw new IllegalArgumentException(builder + " got a null array");
        }
        for (X item : items) {
            if (item == null) {
                throw new IllegalArgumentException(builder + " got a null " + what);
            }
        }
        return items;
    }

    public Q limit(int limit) {
        return with(spec.limit(limit));
    }

    public Q offset(int offset) {
        return with(spec.offset(offset));
    }

    /** {@code FETCH FIRST n ROWS WITH TIES} (PostgreSQL 13+); needs {@link #limit(int)} and an order. */
    public Q withTies() {
        return with(spec.withTies());
    }

    public Q groupBy(GroupField... fields) {
        return with(spec.groupBy(Arrays.asList(fields)));
    }

    public Q having(Condition condition) {
        return with(spec.having(List.of(condition)));
    }

    public Q having(String sql, @Nullable Object... binds) {
        return with(spec.having(List.of(Sql.condition(sql, binds))));
    }

    public Q distinct() {
        return with(spec.distinct());
    }

    /** {@code SELECT DISTINCT ON (...)}; order by the same fields first. */
    public Q distinctOn(Field<?>... fields) {
        return with(spec.distinctOn(Arrays.asList(fields)));
    }

    /** A custom projection, read with {@code fetch()}: aggregates, window functions, joined columns. */
    public Q select(SelectField<?>... fields) {
        return with(spec.select(Arrays.asList(fields)));
    }

    public Q join(TableLike<?> table, Condition on) {
        return with(spec.join(new QuerySpec.Join(table, JoinType.JOIN, on)));
    }

    public Q leftJoin(TableLike<?> table, Condition on) {
        return with(spec.join(new QuerySpec.Join(table, JoinType.LEFT_OUTER_JOIN, on)));
    }

    public Q rightJoin(TableLike<?> table, Condition on) {
        return with(spec.join(new QuerySpec.Join(table, JoinType.RIGHT_OUTER_JOIN, on)));
    }

    public Q fullJoin(TableLike<?> table, Condition on) {
        return with(spec.join(new QuerySpec.Join(table, JoinType.FULL_OUTER_JOIN, on)));
    }

    /**
     * Sends this query to the primary even on a backend with replicas, e.g. to read a row the
     * application must see at once whatever the replicas have replayed.
     */
    public Q onPrimary() {
        return with(spec.onPrimary());
    }

    public Q forUpdate() {
        return with(spec.lock(LockStrength.UPDATE));
    }

    public Q forNoKeyUpdate() {
        return with(spec.lock(LockStrength.NO_KEY_UPDATE));
    }

    public Q forShare() {
        return with(spec.lock(LockStrength.SHARE));
    }

    public Q forKeyShare() {
        return with(spec.lock(LockStrength.KEY_SHARE));
    }

    /** Fails at once with {@code LockNotAvailableException} instead of waiting for a row lock. */
    public Q noWait() {
        return with(spec.lockWait(LockWait.NO_WAIT));
    }

    /** Skips rows another transaction has locked (a work-queue pattern). */
    public Q skipLocked() {
        return with(spec.lockWait(LockWait.SKIP_LOCKED));
    }

    /** Locks only rows of these tables. */
    public Q of(Table<?>... tables) {
        return with(spec.lockOf(Arrays.asList(tables)));
    }

    /** {@code WITH name AS (query)}; read it with {@link #fromCte(String)} or a join. */
    public Q withCte(String name, QueryBuilder<?, ?> query) {
        return with(spec.cte(new QuerySpec.Cte(name, List.of(), query.spec, false)));
    }

    public Q withCte(String name, Select<?> select) {
        return with(spec.cte(new QuerySpec.Cte(name, List.of(), select, false)));
    }

    /** {@code WITH RECURSIVE name(columns) AS (select)}. */
    public Q withRecursiveCte(String name, String[] columns, Select<?> select) {
        return with(spec.cte(new QuerySpec.Cte(name, List.of(columns), select, true)));
    }

    /** Reads the model's rows from a CTE instead of its table. */
    public Q fromCte(String name) {
        return with(spec.fromCte(name));
    }

    public Q union(QueryBuilder<?, ?> other) {
        return with(spec.setOp(new QuerySpec.SetOp(SetOperator.UNION, other.spec)));
    }

    public Q union(Select<?> other) {
        return with(spec.setOp(new QuerySpec.SetOp(SetOperator.UNION, other)));
    }

    public Q unionAll(QueryBuilder<?, ?> other) {
        return with(spec.setOp(new QuerySpec.SetOp(SetOperator.UNION_ALL, other.spec)));
    }

    public Q unionAll(Select<?> other) {
        return with(spec.setOp(new QuerySpec.SetOp(SetOperator.UNION_ALL, other)));
    }

    public Q intersect(QueryBuilder<?, ?> other) {
        return with(spec.setOp(new QuerySpec.SetOp(SetOperator.INTERSECT, other.spec)));
    }

    public Q intersect(Select<?> other) {
        return with(spec.setOp(new QuerySpec.SetOp(SetOperator.INTERSECT, other)));
    }

    public Q except(QueryBuilder<?, ?> other) {
        return with(spec.setOp(new QuerySpec.SetOp(SetOperator.EXCEPT, other.spec)));
    }

    public Q except(Select<?> other) {
        return with(spec.setOp(new QuerySpec.SetOp(SetOperator.EXCEPT, other)));
    }

    /**
     * Eager-loads relations by field name, dotted paths included ({@code "posts.comments"}): one
     * query per relation level, never one per row. Names are checked before any SQL.
     */
    public Q include(String... relations) {
        return with(spec.include(Arrays.asList(nonNull(relations, "include", "relation name"))));
    }

    /**
     * Strict loading for the records this query loads, and for those its {@code include(...)}
     * loads with them: {@code get()} on any of their relations that was not included raises
     * {@link io.pgrecord.error.LazyLoadException}, naming the {@code include(...)} that fixes it.
     */
    public Q strictLoading() {
        return with(spec.strictLoading());
    }

    /** Cancels the query on the server after this long, raising {@code QueryCanceledException}. */
    public Q timeout(Duration timeout) {
        return with(spec.timeout(timeout));
    }

    /** Includes soft-deleted rows. */
    public Q withDeleted() {
        return with(spec.deleted(DeletedScope.WITH_DELETED));
    }

    /** Only soft-deleted rows. */
    public Q onlyDeleted() {
        return with(spec.deleted(DeletedScope.ONLY_DELETED));
    }

    /** The jOOQ select, to mix with raw jOOQ (as a subquery, a CTE, a union...). */
    public Select<Record> asSelect() {
        Select<Record> select = QueryPlanner.select(spec, RENDER_ONLY);
        select.attach(RENDERING);      // so getSQL() renders PostgreSQL; executing contexts re-attach it
        return select;
    }

    /** The SQL with {@code ?} placeholders. */
    public String toSql() {
        return DSL.using(SQLDialect.POSTGRES).render(asSelect());
    }

    /** The bind values, in placeholder order. */
    public List<Object> bindValues() {
        return DSL.using(SQLDialect.POSTGRES).extractBindValues(asSelect());
    }

    @Override
    public String toString() {
        return toSql();
    }
}
