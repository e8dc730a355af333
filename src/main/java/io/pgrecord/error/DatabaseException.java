package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/**
 * An error reported by the PostgreSQL server (or by the connection to it), classified by its
 * SQLSTATE. The subclasses name the common cases; this class is used for the rest.
 *
 * <p>The accessors expose the fields of the server's error report, so a handler can react to
 * a specific constraint without parsing messages:
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=unique-violation}
 */
public class DatabaseException extends PgRecordException {

    private final ServerErrorFields fields;

    public DatabaseException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, cause);
        this.fields = fields;
    }

    /** The five-character SQLSTATE, e.g. {@code 23505}. */
    @Override
    public String sqlState() {
        return fields.sqlState();
    }

    /** The constraint the error is about, when the server names one. */
    public @Nullable String constraintName() {
        return fields.constraint();
    }

    /** The schema of the table the error is about, when the server names one. */
    public @Nullable String schemaName() {
        return fields.schema();
    }

    /** The table the error is about, when the server names one. */
    public @Nullable String tableName() {
        return fields.table();
    }

    /** The column the error is about, when the server names one. */
    public @Nullable String columnName() {
        return fields.column();
    }

    /** The server's DETAIL line, when there is one. */
    public @Nullable String detail() {
        return fields.detail();
    }

    /** The server's HINT line, when there is one. */
    public @Nullable String hint() {
        return fields.hint();
    }

    /** The server's primary message, without SQLSTATE or detail. */
    public String serverMessage() {
        return fields.message();
    }

    /**
     * Whether running the same transaction again may succeed: serialization failures,
     * deadlocks and lost connections are retryable; constraint violations are not.
     */
    public boolean isRetryable() {
        return false;
    }
}
