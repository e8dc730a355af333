package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** A NOT NULL constraint was violated (SQLSTATE 23502). */
public class NotNullViolationException extends ConstraintViolationException {

    public NotNullViolationException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
