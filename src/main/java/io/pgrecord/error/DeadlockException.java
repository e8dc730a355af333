package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** The server broke a deadlock by aborting this transaction (SQLSTATE 40P01); run it again. */
public class DeadlockException extends DatabaseException {

    public DeadlockException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
