package io.pgrecord.internal.r2dbc;

import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Parameters;

/**
 * R2DBC bind values with types pgrecord chooses rather than the driver. r2dbc-postgresql sends
 * a {@code String} as varchar, so the server would compare it as text: case-sensitively next to
 * a citext column, say, where the blocking path (pgjdbc with {@code stringtype=unspecified})
 * lets the server type it from the column. Every string bind on R2DBC goes out with the
 * unspecified type instead, so both paths answer alike.
 */
public final class R2dbcBinds {

    /**
     * A null of unspecified type, as pgjdbc sends a null string. Inferred as Object, so the
     * driver sends it in text format: a binary-format null needs the type's binary input
     * function, which some types lack (ltree before PostgreSQL 13).
     */
    public static final Parameter UNTYPED_NULL = Parameters.in(Object.class);

    private R2dbcBinds() {
    }

    /** A text parameter of unspecified type, so the server infers it, as pgjdbc's stringtype=unspecified does. */
    public static Object untyped(String value) {
        return value == null ? UNTYPED_NULL : Parameters.in(PostgresqlObjectId.UNSPECIFIED, value);
    }

    /** The value to hand the driver: a string untyped, anything else as it is. */
    static Object bindValue(Object value) {
        return value instanceof String s ? Parameters.in(PostgresqlObjectId.UNSPECIFIED, s) : value;
    }
}
