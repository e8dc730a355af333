package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/**
 * The connection failed or was lost (SQLSTATE class 08, 57P01..57P03), no pooled connection
 * became free within the pool timeout, or the server refused the login (class 28, a missing
 * database 3D000). Retrying on a new connection may succeed, except after a refused login.
 */
public class ConnectionException extends DatabaseException {

    public ConnectionException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }

    /** True, except when the server refused the login or the database: retrying cannot help then. */
    @Override
    public boolean isRetryable() {
        return !sqlState().startsWith("28") && !sqlState().equals("3D000");
    }
}
