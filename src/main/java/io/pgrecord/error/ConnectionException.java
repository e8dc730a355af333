package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** The connection failed or was lost (SQLSTATE class 08, 57P01..57P03), or no pooled connection became free within the pool timeout. Retrying on a new connection may succeed. */
public class ConnectionException extends DatabaseException {

    public ConnectionException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
