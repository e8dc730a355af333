package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** The statement was cancelled, by statement_timeout, a query timeout or a cancel request (SQLSTATE 57014). */
public class QueryCanceledException extends DatabaseException {

    public QueryCanceledException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
