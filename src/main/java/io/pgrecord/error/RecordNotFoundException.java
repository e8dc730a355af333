package io.pgrecord.error;

/** No row matched where exactly one was expected: {@code getById}, {@code one()}, {@code refresh()} of a deleted row. */
public class RecordNotFoundException extends PgRecordException {

    public RecordNotFoundException(String message) {
        super(message);
    }

    public RecordNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
