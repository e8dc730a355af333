package io.pgrecord.error;

import org.jspecify.annotations.Nullable;

/** Syntax error or access rule violation: bad SQL, an unknown table or column, a missing privilege (SQLSTATE class 42). */
public class SqlSyntaxException extends DatabaseException {

    public SqlSyntaxException(String message, ServerErrorFields fields, @Nullable Throwable cause) {
        super(message, fields, cause);
    }
}
