package io.pgrecord.internal.query;

import io.pgrecord.internal.types.TypeMapper;
import org.jooq.Condition;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;

/** Raw SQL fragments with {@code ?} binds, typed the way the models type them. */
public final class Sql {

    private Sql() {
    }

    /**
     * A condition from SQL text; each bind becomes a typed bind value (strings stay untyped, so
     * the server types them from context) and a jOOQ query part is embedded as is.
     */
    public static Condition condition(String sql, Object... binds) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("SQL condition must not be empty");
        }
        return DSL.condition(sql, parts(binds));
    }

    public static QueryPart[] parts(Object... binds) {
        QueryPart[] parts = new QueryPart[binds == null ? 0 : binds.length];
        for (int i = 0; i < parts.length; i++) {
            Object b = binds[i];
            parts[i] = b instanceof QueryPart p ? p : bind(b);
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static QueryPart bind(Object value) {
        org.jooq.DataType<Object> type = (org.jooq.DataType<Object>) TypeMapper.forValue(value);
        org.jooq.Field<Object> bind = DSL.val(io.pgrecord.internal.types.BindValues.check("a bind value", Object.class, value), type);
        return TypeMapper.castInRawSql(type) ? DSL.cast(bind, type) : bind;
    }
}
