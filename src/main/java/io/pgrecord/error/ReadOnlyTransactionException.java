package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** A write was attempted in a read-only transaction (SQLSTATE 25006). */
public class ReadOnlyTransactionException extends DatabaseException {

    public ReadOnlyTransactionException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
