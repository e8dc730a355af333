package io.pgrecord.error;

import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;

/**
 * Root of every exception pgrecord throws. It is unchecked and extends jOOQ's
 * {@link DataAccessException}, so code that already catches jOOQ's exceptions keeps working.
 */
public class PgRecordException extends DataAccessException {

    public PgRecordException(String message) {
        super(message);
    }

    public PgRecordException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
