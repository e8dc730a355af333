package io.pgrecord.internal.query;

import io.pgrecord.internal.exec.JooqDefaults;
import io.pgrecord.internal.exec.SqlText;
import io.pgrecord.internal.types.BindValues;
import io.pgrecord.internal.types.NestedLists;
import io.pgrecord.internal.types.StringArrays;
import io.pgrecord.internal.types.TypeMapper;
import java.util.Arrays;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.Context;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.RenderContext.CastMode;
import org.jooq.conf.ParamType;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.DSL;

/** Raw SQL fragments with {@code ?} binds, typed the way the models type them. */
public final class Sql {

    private Sql() {
    }

    /**
     * A condition from SQL text; each bind becomes a typed bind value (strings stay untyped, so
     * the server types them from context) and a jOOQ query part is embedded as is. A list in
     * {@code IN (?)} is one bind per element ({@link InLists}). Which {@code ?} is a bind marker
     * is {@link SqlText}'s rule.
     */
    public static Condition condition(String sql, Object... binds) {
        InLists.Text expanded = InLists.expand(sql, binds);
        return expanded == null ? condition(sql, parts(binds)) : condition(expanded.sql(), parts(expanded.binds()));
    }

    /** A condition from SQL text and the binds {@link #parts} made. */
    public static Condition condition(String sql, QueryPart[] parts) {
        return new Fragment(requireBinds(sql, parts.length), parts.length > 0, parts, null);
    }

    private static String requireText(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("SQL condition must not be empty");
        }
        return sql;
    }

    /**
     * The SQL text, refused unless it has one bind marker per bind: jOOQ would drop extra binds
     * without a word, and a missing one fails on the server, differently per driver. Text given
     * no binds has no markers.
     */
    static String requireBinds(String sql, int binds) {
        requireText(sql);
        int markers = binds == 0 ? 0 : SqlText.bindMarkers(sql);
        if (markers != binds) {
            throw new IllegalArgumentException("SQL condition \"" + sql + "\" has " + markers + " bind marker"
                    + (markers == 1 ? "" : "s") + " (?) but " + binds + " bind value" + (binds == 1 ? " was" : "s were") + " given"
                    + (markers > binds ? "; a ? that is an operator is written ??, as in meta ?? 'key'"
                            : "; a ? in a literal, a quoted name or a comment is no marker"));
        }
        return sql;
    }

    /**
     * As {@link #condition(String, QueryPart[])} with each non-null {@code params[i]} in place of
     * {@code parts[i]} ({@code parts} null when every bind is in {@code params}),
     * {@link #embed embedded}, but the casts are built only when the condition is rendered. A
     * keyed query's statement is rendered once per shape, so on its later calls only the binds
     * are made (the casts were about half of {@code where}'s time).
     */
    static Condition deferred(String sql, QueryPart[] parts, Param<?>[] params) {
        return new Fragment(requireBinds(sql, params.length), params.length > 0, parts, params);
    }

    /**
     * SQL text with its binds, rendered piece by piece rather than as a jOOQ plain-SQL template:
     * jOOQ's reading of a template knows no dollar quotes and takes {@code :name}, {@code {0}}
     * and some {@code ?} operators for binds. Its operator {@code ?} is written {@code ?} where
     * the binds are {@code $n} (R2DBC) and {@code ??} elsewhere: pgjdbc reads a lone one as a
     * bind, and the SQL pgrecord shows ({@code toSql()}) has {@code ?} binds.
     */
    private static final class Fragment extends CustomCondition {

        private final String sql;
        private final boolean binds;
        private final QueryPart[] parts;
        private final Param<?>[] params;
        /** The text cut at its markers, made when first rendered: a keyed query's is rendered once per shape. */
        private SqlText.Pieces pieces;

        Fragment(String sql, boolean binds, QueryPart[] parts, Param<?>[] params) {
            this.sql = sql;
            this.binds = binds;
            this.parts = parts;
            this.params = params;
        }

        @Override
        public void accept(Context<?> ctx) {
            SqlText.Pieces pieces = this.pieces;
            if (pieces == null) {
                // made again by a thread that does not see another's: the same pieces
                pieces = SqlText.pieces(sql, binds);
                this.pieces = pieces;
            }
            ParamType type = ctx.paramType();
            String[] text = JooqDefaults.numberedBinds(ctx) ? pieces.sql() : pieces.escaped();
            // parenthesised, as jOOQ's plain-SQL conditions are, so that an OR in it stays inside
            ctx.sql('(').sql(text[0]);
            for (int i = 1; i < text.length; i++) {
                QueryPart bind = params != null && params[i - 1] != null ? embed(params[i - 1]) : parts[i - 1];
                if (type == ParamType.INLINED || type == ParamType.NAMED || type == ParamType.NAMED_OR_INLINED) {
                    ctx.visit(bind);
                } else {
                    // as jOOQ's templates bind a ? marker: no cast of its own around the value
                    CastMode previous = ctx.castMode();
                    ctx.castMode(CastMode.NEVER).visit(bind).castMode(previous);
                }
                ctx.sql(text[i]);
            }
            ctx.sql(')');
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
        if (value instanceof Collection<?> || value instanceof Object[]) {
            return arrayParam(value);
        }
        DataType<Object> type = (DataType<Object>) TypeMapper.forValue(value);
        return DSL.val(BindValues.check("a bind value", type, value), type);
    }

    /**
     * A list or array as one array bind, typed by its first non-null element; a list of lists is
     * the multi-dimensional array ({@link NestedLists}), and strings are one untyped literal
     * ({@link StringArrays}), which the server types from the other operand as it does a string.
     */
    @SuppressWarnings("unchecked")
    private static Param<Object> arrayParam(Object value) {
        if (elementsUnknown(value)) {
            // an array literal of unknown type, which the server types from its context
            // (id = any('{}')): with no element to tell it, a typed bind would be text[]
            int n = value instanceof Collection<?> c ? c.size() : ((Object[]) value).length;
            return DSL.inline((Object) ("{" + String.join(",", java.util.Collections.nCopies(n, "NULL")) + "}"));
        }
        // an Object[] is typed as a list is, by its first non-null element
        Object bound = NestedLists.asArrays(value.getClass() == Object[].class ? Arrays.asList((Object[]) value) : value);
        Param<String> strings = StringArrays.bind(bound);
        if (strings != null) {
            BindValues.check("a bind value", String.class, bound);
            return (Param<Object>) (Param<?>) strings;
        }
        DataType<Object> type = (DataType<Object>) TypeMapper.forValue(bound);
        return DSL.val(BindValues.check("a bind value", type, bound), type);
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
