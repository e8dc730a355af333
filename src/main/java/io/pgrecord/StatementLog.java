package io.pgrecord;

import java.util.List;

/**
 * Captures the SQL text a backend sends: model operations, raw {@code dsl()} queries and
 * transaction control (BEGIN, COMMIT, SAVEPOINT). The driver's and the pool's own housekeeping
 * (validation queries, the version probe at connect) is left out. One log per backend,
 * covering all threads; thread-safe. Tests use it to prove statement counts:
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=statement-log}
 */
public interface StatementLog {

    /** Clears what was captured and starts capturing. */
    void start();

    /** Stops capturing and returns what was captured since {@link #start()}, in order. */
    List<String> stop();

    /** What was captured so far, without stopping. */
    List<String> statements();

    /** Whether {@link #start()} was called without a later {@link #stop()}. */
    boolean isCapturing();
}
