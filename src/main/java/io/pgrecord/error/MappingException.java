package io.pgrecord.error;

/** A model does not match its table: the message names the Java field and the column. */
public class MappingException extends PgRecordException {

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
