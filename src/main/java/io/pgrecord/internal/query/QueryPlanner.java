package io.pgrecord.internal.query;

import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.internal.model.FieldMeta;
import java.util.ArrayList;
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Turns a {@link QuerySpec} into a jOOQ select, checking capability gates first. */
public final class QueryPlanner {

    private QueryPlanner() {
    }

    public static Select<Record> select(QuerySpec s, Capabilities caps) {
        if (s.rare.withTies) {
            caps.require(Capability.FETCH_WITH_TIES);
            if (s.limit == null || s.orderBy.isEmpty()) {
                // the server refuses ties without an order, and without a limit there is nothing to tie
                throw new IllegalArgumentException("withTies() needs a limit(...) and an orderBy(...): it returns the first"
                        + " rows by that order and every row tied with the last of them; this query has "
                        + (s.limit == null ? "no limit" : "no order"));
            }
        }
        SelectQuery<Record> q = body(s, caps, projection(s));
        q.addOrderBy(orderFields(s));
        if (s.limit != null) {
            // inline: a bound LIMIT makes the server re-plan the statement on every execution
            q.addLimit(DSL.inline((long) s.limit));
            if (s.rare.withTies) {
                q.setWithTies(true);
            }
        }
        if (s.offset != null) {
            q.addOffset(s.offsetParam);
        }
        lock(s, q, caps);
        return q;
    }

    /** SELECT, FROM, joins, WHERE, GROUP BY, HAVING and DISTINCT: no ordering, paging or locks. */
    static SelectQuery<Record> body(QuerySpec s, Capabilities caps, List<? extends SelectFieldOrAsterisk> projection) {
        s.meta.requireCapabilities(caps);
        SelectQuery<Record> q;
        if (s.rare.ctes.isEmpty()) {
            q = DSL.select(projection).from(source(s, caps)).getQuery();
        } else {
            caps.require(Capability.CTE);
            boolean recursive = s.rare.ctes.stream().anyMatch(QuerySpec.Cte::recursive);
            if (recursive) {
                caps.require(Capability.RECURSIVE_CTE);
            }
            List<CommonTableExpression<?>> ctes = new ArrayList<>();
            for (QuerySpec.Cte cte : s.rare.ctes) {
                ctes.add(cte(cte, caps));
            }
            q = (recursive ? DSL.withRecursive(ctes.toArray(CommonTableExpression[]::new))
                    : DSL.with(ctes.toArray(CommonTableExpression[]::new)))
                    .select(projection).from(source(s, caps)).getQuery();
        }
        for (QuerySpec.Join j : s.rare.joins) {
            q.addJoin(j.table(), j.type(), j.on());
        }
        q.addConditions(filter(s));
        if (!s.rare.groupBy.isEmpty()) {
            q.addGroupBy(s.rare.groupBy);
        }
        if (!s.rare.having.isEmpty()) {
            q.addHaving(s.rare.having);
        }
        if (s.rare.distinct) {
            q.setDistinct(true);
        }
        if (!s.rare.distinctOn.isEmpty()) {
            q.addDistinctOn(s.rare.distinctOn);
        }
        return q;
    }

    private static CommonTableExpression<?> cte(QuerySpec.Cte cte, Capabilities caps) {
        Select<?> select = toSelect(cte.source(), caps);
        Name name = DSL.name(cte.name());
        if (cte.columns().isEmpty()) {
            return name.as(select);
        }
        return name.fields(cte.columns().toArray(String[]::new)).as(select);
    }

    /** A jOOQ select, or the planned select of a nested query spec. */
    @SuppressWarnings("unchecked")
    static Select<Record> toSelect(Object source, Capabilities caps) {
        if (source instanceof QuerySpec spec) {
            return select(spec, caps);
        }
        return (Select<Record>) source;
    }

    /**
     * The table rows come from: the model's table, or a CTE named by {@code fromCte} or a set
     * operation's rows under the table's own name, so that conditions naming its columns (a
     * generated table's fields) apply to them as to the table.
     */
    static Table<?> source(QuerySpec s, Capabilities caps) {
        QuerySpec.Combined combined = s.rare.combined;
        if (combined != null) {
            Select<Record> left = select(combined.left(), caps);
            Select<Record> other = toSelect(combined.op().other(), caps);
            Select<Record> rows = switch (combined.op().operator()) {
                case UNION -> left.union(other);
                case UNION_ALL -> left.unionAll(other);
                case INTERSECT -> left.intersect(other);
                case EXCEPT -> left.except(other);
            };
            return rows.asTable(alias(s));
        }
        return s.rare.fromCte != null ? DSL.table(DSL.name(s.rare.fromCte)).as(alias(s)) : s.meta.table();
    }

    /** A model column qualified by the query's source. */
    public static Field<Object> column(QuerySpec s, FieldMeta f) {
        return s.readsTable() ? f.field() : DSL.field(DSL.name(alias(s), f.column()), f.dataType());
    }

    private static String alias(QuerySpec s) {
        return s.meta.table().getName();
    }

    static List<? extends SelectFieldOrAsterisk> projection(QuerySpec s) {
        if (s.rare.select != null) {
            return s.rare.select;
        }
        return modelProjection(s);
    }

    static List<SelectField<?>> modelProjection(QuerySpec s) {
        boolean ownTable = s.readsTable();
        List<SelectField<?>> fields = new ArrayList<>();
        for (FieldMeta f : s.meta.fields()) {
            fields.add(ownTable ? f.selected() : column(s, f));
        }
        return fields;
    }

    /** WHERE conditions plus the soft-delete scope. */
    public static Condition filter(QuerySpec s) {
        List<Condition> all = new ArrayList<>(s.where);
        FieldMeta deleted = s.meta.softDelete();
        if (deleted != null) {
            switch (s.deleted) {
                case DEFAULT -> all.add(column(s, deleted).isNull());
                case ONLY_DELETED -> all.add(column(s, deleted).isNotNull());
                case WITH_DELETED -> { }
            }
        }
        return DSL.and(all);
    }

    static List<OrderField<?>> orderFields(QuerySpec s) {
        List<OrderField<?>> order = new ArrayList<>();
        for (Object o : s.orderBy) {
            if (o instanceof QuerySpec.NamedOrder n) {
                Field<Object> f = column(s, n.field());
                order.add(n.descending() ? f.desc() : f.asc());
            } else {
                order.add((OrderField<?>) o);
            }
        }
        return order;
    }

    private static void lock(QuerySpec s, SelectQuery<Record> q, Capabilities caps) {
        QuerySpec.Lock lock = s.rare.lock;
        if (lock == null) {
            return;
        }
        switch (lock.strength()) {
            case UPDATE -> q.setForUpdate(true);
            case NO_KEY_UPDATE -> q.setForNoKeyUpdate(true);
            case SHARE -> q.setForShare(true);
            case KEY_SHARE -> q.setForKeyShare(true);
        }
        if (!lock.of().isEmpty()) {
            q.setForLockModeOf(lock.of().toArray(Table[]::new));
        }
        switch (lock.mode()) {
            case NO_WAIT -> q.setForLockModeNoWait();
            case SKIP_LOCKED -> {
                caps.require(Capability.SKIP_LOCKED);
                q.setForLockModeSkipLocked();
            }
            case WAIT -> { }
        }
    }

    /** Whether aggregates can run on the base query directly, rather than over it as a subquery. */
    static boolean isPlain(QuerySpec s) {
        return s.limit == null && s.offset == null && !s.rare.distinct && s.rare.distinctOn.isEmpty() && s.rare.groupBy.isEmpty()
                && s.rare.having.isEmpty() && s.rare.combined == null && s.rare.ctes.isEmpty() && s.rare.select == null;
    }
}
