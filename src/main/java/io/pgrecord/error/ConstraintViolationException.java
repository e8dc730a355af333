package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** An integrity constraint was violated (SQLSTATE class 23). The subclasses name the constraint kind. */
public class ConstraintViolationException extends DatabaseException {

    public ConstraintViolationException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
