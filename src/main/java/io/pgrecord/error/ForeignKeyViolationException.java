package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** A FOREIGN KEY constraint was violated (SQLSTATE 23503). */
public class ForeignKeyViolationException extends ConstraintViolationException {

    public ForeignKeyViolationException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
