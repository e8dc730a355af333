package io.pgrecord.internal.r2dbc;

import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.spi.Parameters;

/** R2DBC bind values with types pgrecord chooses rather than the driver. */
public final class R2dbcBinds {

    private R2dbcBinds() {
    }

    /** A text parameter of unspecified type, so the server infers it, as pgjdbc's stringtype=unspecified does. */
    public static Object untyped(String value) {
        return value == null ? Parameters.in(PostgresqlObjectId.UNSPECIFIED) : Parameters.in(PostgresqlObjectId.UNSPECIFIED, value);
    }
}
