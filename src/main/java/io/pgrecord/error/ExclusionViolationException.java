package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** An EXCLUDE constraint was violated (SQLSTATE 23P01). */
public class ExclusionViolationException extends ConstraintViolationException {

    public ExclusionViolationException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
