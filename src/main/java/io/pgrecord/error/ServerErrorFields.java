package io.pgrecord.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a PostgreSQL error report, as both drivers deliver them.
 *
 * @param sqlState the SQLSTATE code
 * @param message the primary message
 * @param detail the DETAIL line
 * @param hint the HINT line
 * @param schema the schema name field
 * @param table the table name field
 * @param column the column name field
 * @param constraint the constraint name field
 */
public record ServerErrorFields(
        String sqlState,
        String message,
        @Nullable String detail,
        @Nullable String hint,
        @Nullable String schema,
        @Nullable String table,
        @Nullable String column,
        @Nullable String constraint) {

    public ServerErrorFields {
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(message, "message");
    }

    /** Fields for an error raised on the client side, which has only a state and a message. */
    public static ServerErrorFields of(String sqlState, String message) {
        return new ServerErrorFields(sqlState, message, null, null, null, null, null, null);
    }
}
