package io.pgrecord.error;

import io.pgrecord.Errors;

/**
 * A model failed validation, so no SQL was sent. {@link #errors()} lists every message by
 * field; {@link #getMessage()} joins them all.
 */
public class ValidationException extends PgRecordException {

    private final Errors errors;

    public ValidationException(Errors errors) {
        super("validation failed: " + errors);
        this.errors = errors;
    }

    /** The messages, grouped by Java field name. */
    public Errors errors() {
        return errors;
    }
}
