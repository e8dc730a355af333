package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** The transaction could not be serialized with concurrent ones (SQLSTATE 40001); run it again. */
public class SerializationFailureException extends DatabaseException {

    public SerializationFailureException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
