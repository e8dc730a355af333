package io.pgrecord.error;

/** More than one row matched where exactly one was expected ({@code one()}). */
public class TooManyRowsException extends PgRecordException {

    public TooManyRowsException(String message) {
        super(message);
    }

    public TooManyRowsException(String message, Throwable cause) {
        super(message, cause);
    }
}
