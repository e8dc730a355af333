package io.pgrecord.internal.query;

import io.pgrecord.internal.model.ModelMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.GroupField;
import org.jooq.JoinType;
import org.jooq.OrderField;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.TableLike;

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
    public record NamedOrder(io.pgrecord.internal.model.FieldMeta field, boolean descending) {
    }

    public record Lock(LockStrength strength, LockWait mode, List<Table<?>> of) {
    }

    /** A CTE; {@code source} is a jOOQ {@link Select} or a {@code QuerySpec}. */
    public record Cte(String name, List<String> columns, Object source, boolean recursive) {
    }

    /** A set operation; {@code other} is a jOOQ {@link Select} or a {@code QuerySpec}. */
    public record SetOp(SetOperator operator, Object other) {
    }

    final ModelMeta<?> meta;
    List<Condition> where = List.of();
    List<Object> orderBy = List.of();
    Integer limit;
    Integer offset;
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
    List<SetOp> setOps = List.of();
    List<String> includes = List.of();
    Duration timeout;
    DeletedScope deleted = DeletedScope.DEFAULT;

    public QuerySpec(ModelMeta<?> meta) {
        this.meta = meta;
    }

    private QuerySpec copy() {
        QuerySpec c = new QuerySpec(meta);
        c.where = where;
        c.orderBy = orderBy;
        c.limit = limit;
        c.offset = offset;
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
        c.setOps = setOps;
        c.includes = includes;
        c.timeout = timeout;
        c.deleted = deleted;
        return c;
    }

    private static <E> List<E> plus(List<E> list, List<? extends E> more) {
        List<E> l = new ArrayList<>(list);
        l.addAll(more);
        return List.copyOf(l);
    }

    public ModelMeta<?> meta() {
        return meta;
    }

    public QuerySpec where(List<Condition> conditions) {
        QuerySpec c = copy();
        c.where = plus(where, conditions);
        return c;
    }

    /** Items are jOOQ {@link OrderField}s or {@link NamedOrder}s. */
    public QuerySpec orderBy(List<?> fields) {
        QuerySpec c = copy();
        c.orderBy = plus(orderBy, fields);
        return c;
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
        return c;
    }

    public QuerySpec withTies() {
        QuerySpec c = copy();
        c.withTies = true;
        return c;
    }

    public QuerySpec groupBy(List<? extends GroupField> fields) {
        QuerySpec c = copy();
        c.groupBy = plus(groupBy, fields);
        return c;
    }

    public QuerySpec having(List<Condition> conditions) {
        QuerySpec c = copy();
        c.having = plus(having, conditions);
        return c;
    }

    public QuerySpec distinct() {
        QuerySpec c = copy();
        c.distinct = true;
        return c;
    }

    public QuerySpec distinctOn(List<? extends SelectFieldOrAsterisk> fields) {
        QuerySpec c = copy();
        c.distinctOn = plus(distinctOn, fields);
        return c;
    }

    public QuerySpec select(List<? extends SelectFieldOrAsterisk> fields) {
        QuerySpec c = copy();
        c.select = plus(select == null ? List.of() : select, fields);
        return c;
    }

    public QuerySpec join(Join join) {
        QuerySpec c = copy();
        c.joins = plus(joins, List.of(join));
        return c;
    }

    public QuerySpec lock(LockStrength strength) {
        QuerySpec c = copy();
        c.lock = new Lock(strength, LockWait.WAIT, List.of());
        return c;
    }

    public QuerySpec lockWait(LockWait wait) {
        QuerySpec c = copy();
        c.lock = new Lock(requireLock().strength(), wait, lock.of());
        return c;
    }

    public QuerySpec lockOf(List<Table<?>> tables) {
        QuerySpec c = copy();
        c.lock = new Lock(requireLock().strength(), lock.mode(), plus(lock.of(), tables));
        return c;
    }

    private Lock requireLock() {
        if (lock == null) {
            throw new IllegalStateException("call forUpdate(), forNoKeyUpdate(), forShare() or forKeyShare() first");
        }
        return lock;
    }

    public QuerySpec cte(Cte cte) {
        QuerySpec c = copy();
        c.ctes = plus(ctes, List.of(cte));
        return c;
    }

    public QuerySpec fromCte(String name) {
        QuerySpec c = copy();
        c.fromCte = name;
        return c;
    }

    public QuerySpec setOp(SetOp op) {
        QuerySpec c = copy();
        c.setOps = plus(setOps, List.of(op));
        return c;
    }

    public QuerySpec include(List<String> relations) {
        QuerySpec c = copy();
        c.includes = plus(includes, relations);
        return c;
    }

    public QuerySpec timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        QuerySpec c = copy();
        c.timeout = timeout;
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
        QuerySpec c = copy();
        if (limit == null && offset == null && distinctOn.isEmpty()) {
            c.orderBy = List.of();
        }
        c.includes = List.of();
        c.select = null;
        c.lock = null;
        return c;
    }

    public List<String> includes() {
        return includes;
    }

    public Duration timeout() {
        return timeout;
    }

}
