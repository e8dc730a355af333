package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** A UNIQUE or PRIMARY KEY constraint was violated (SQLSTATE 23505). */
public class UniqueViolationException extends ConstraintViolationException {

    public UniqueViolationException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
