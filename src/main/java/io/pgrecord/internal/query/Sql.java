package io.pgrecord.internal.query;

import io.pgrecord.internal.exec.SqlText;
import io.pgrecord.internal.types.BindValues;
import io.pgrecord.internal.types.TypeMapper;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.Context;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.DSL;

/** Raw SQL fragments with {@code ?} binds, typed the way the models type them. */
public final class Sql {

    private Sql() {
    }

    /**
     * A condition from SQL text; each bind becomes a typed bind value (strings stay untyped, so
     * the server types them from context) and a jOOQ query part is embedded as is. A list in
     * {@code IN (?)} is one bind per element ({@link InLists}).
     */
    public static Condition condition(String sql, Object... binds) {
        InLists.Text expanded = InLists.expand(sql, binds);
        return expanded == null ? condition(sql, parts(binds)) : condition(expanded.sql(), parts(expanded.binds()));
    }

    /** A condition from SQL text and the binds {@link #parts} made. */
    public static Condition condition(String sql, QueryPart[] parts) {
        return DSL.condition(requireBinds(sql, parts.length), parts);
    }

    private static String requireText(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("SQL condition must not be empty");
        }
        return sql;
    }

    /**
     * The SQL text, refused when it has fewer bind markers than {@code binds}: jOOQ would drop the
     * extra binds without a word. Fewer binds than markers is left to the server, since a
     * {@code ?} may be a jsonb operator ({@code metadata ? 'role'}) as well as a marker.
     */
    static String requireBinds(String sql, int binds) {
        requireText(sql);
        int markers = SqlText.bindMarkers(sql);
        if (binds > markers) {
            throw new IllegalArgumentException("SQL condition \"" + sql + "\" has " + markers + " bind marker"
                    + (markers == 1 ? "" : "s") + " (?) but " + binds + " bind values were given");
        }
        return sql;
    }

    /**
     * As {@link #condition(String, QueryPart[])} with each non-null {@code params[i]} in place of
     * {@code parts[i]} ({@code parts} null when every bind is in {@code params}),
     * {@link #embed embedded}, but the casts and the jOOQ template are built only
     * when the condition is rendered. A keyed query's statement is rendered once per shape, so on
     * its later calls only the binds are made (the casts were about half of {@code where}'s time).
     */
    static Condition deferred(String sql, QueryPart[] parts, Param<?>[] params) {
        return new Deferred(requireBinds(sql, params.length), parts, params);
    }

    /** The condition of {@link #deferred}: one object, where {@code CustomCondition.of} and a lambda are two. */
    private static final class Deferred extends CustomCondition {

        private final String sql;
        private final QueryPart[] parts;
        private final Param<?>[] params;

        Deferred(String sql, QueryPart[] parts, Param<?>[] params) {
            this.sql = sql;
            this.parts = parts;
            this.params = params;
        }

        @Override
        public void accept(Context<?> ctx) {
            QueryPart[] embedded = parts == null ? new QueryPart[params.length] : parts.clone();
            for (int i = 0; i < embedded.length; i++) {
                if (params[i] != null) {
                    embedded[i] = embed(params[i]);
                }
            }
            ctx.visit(DSL.condition(sql, embedded));
        }
    }

    public static QueryPart[] parts(Object... binds) {
        QueryPart[] parts = new QueryPart[binds == null ? 0 : binds.length];
        for (int i = 0; i < parts.length; i++) {
            Object b = binds[i];
            parts[i] = b instanceof QueryPart p ? p : bind(b);
        }
        return parts;
    }

    private static QueryPart bind(Object value) {
        return embed(param(value));
    }

    /**
     * The bind for a plain value in SQL text, before {@link #embed}. A null is the literal
     * {@code NULL}, which the server types from its context wherever a literal may stand, as in
     * {@code ? IS NULL}: a null bind has no type to send, and one the server must infer there
     * has nothing to infer it from.
     */
    @SuppressWarnings("unchecked")
    static Param<Object> param(Object value) {
        if (value == null) {
            return DSL.inline((Object) null);
        }
        if (elementsUnknown(value)) {
            // an array literal of unknown type, which the server types from its context
            // (id = any('{}')): with no element to tell it, a typed bind would be text[]
            int n = value instanceof Collection<?> c ? c.size() : ((Object[]) value).length;
            return DSL.inline((Object) ("{" + String.join(",", java.util.Collections.nCopies(n, "NULL")) + "}"));
        }
        DataType<Object> type = (DataType<Object>) TypeMapper.forValue(value);
        return DSL.val(BindValues.check("a bind value", type, value), type);
    }

    /** Whether a bind is a list or array with no element to type it by: empty, or all null. */
    static boolean elementsUnknown(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().allMatch(java.util.Objects::isNull);
        }
        return value instanceof Object[] a && a.getClass().getComponentType() == Object.class
                && java.util.Arrays.stream(a).allMatch(java.util.Objects::isNull);
    }

    /** A bind as SQL text embeds it: cast where the server could not infer the type. */
    static <X> QueryPart embed(Param<X> bind) {
        return TypeMapper.castInRawSql(bind.getDataType()) ? DSL.cast(bind, bind.getDataType()) : bind;
    }
}
