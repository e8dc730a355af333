package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** A CHECK constraint, on a table or a domain, was violated (SQLSTATE 23514). */
public class CheckViolationException extends ConstraintViolationException {

    public CheckViolationException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
