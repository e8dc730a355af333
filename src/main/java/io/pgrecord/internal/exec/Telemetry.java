package io.pgrecord.internal.exec;

/**
 * Metrics and observations of one backend, as the core sees them: the Micrometer side lives in
 * {@code io.pgrecord.internal.metrics} and is loaded only when a registry is configured, so a
 * class path without Micrometer never touches it.
 */
public interface Telemetry {

    /** Called before a statement is sent; what it returns comes back to {@link #statementEnded}. */
    Object statementStarted(StatementKind kind);

    /** Called once the statement has its result or its failure (null on success). */
    void statementEnded(Object started, StatementKind kind, long nanos, Throwable failure);

    /** Called when a top-level transaction begins; what it returns comes back to {@link #transactionEnded}. */
    Object transactionStarted();

    /** Called when the transaction has committed or rolled back ({@code failure} set for a rollback after an error). */
    void transactionEnded(Object started, boolean committed, Throwable failure);
}
