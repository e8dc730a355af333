package io.pgrecord.error;

/** The transaction API was misused: committing with no transaction, releasing an unknown savepoint, changing the isolation level while a transaction is active. */
public class TransactionException extends PgRecordException {

    public TransactionException(String message) {
        super(message);
    }

    public TransactionException(String message, Throwable cause) {
        super(message, cause);
    }
}
