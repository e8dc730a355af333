package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** The server rejected a value: out of range, malformed, invalid encoding, unknown enum label and so on (SQLSTATE class 22). */
public class DataException extends DatabaseException {

    public DataException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
