package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** A lock could not be taken, e.g. under NOWAIT or lock_timeout (SQLSTATE 55P03). */
public class LockNotAvailableException extends DatabaseException {

    public LockNotAvailableException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
