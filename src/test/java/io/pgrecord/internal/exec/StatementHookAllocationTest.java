package io.pgrecord.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.pgrecord.testing.SqlLogCapture;
import io.pgrecord.testing.ThreadAllocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the statement hook every statement of both executors passes through costs: with the SQL
 * log off, no threshold and no registry, nothing allocated per statement (counted by the JVM for
 * this thread, so the figure does not depend on the machine's load, as the benchmark's does).
 */
class StatementHookAllocationTest {

    private static final String SQL = "select \"t\".\"id\" from \"t\" where \"t\".\"id\" = ?";
    private static final int STATEMENTS = 100_000;

    @Test
    void withEverythingOffAStatementAllocatesNothingForTheLog() {
        StatementRecorder recorder = new StatementRecorder();
        try (SqlLogCapture log = SqlLogCapture.at(Level.WARN)) {
            // one object per statement would be at least 16 bytes x 100,000 in every round; the
            // JVM itself may allocate a few KB on this thread in a round while it compiles or
            // deoptimizes the loop (more often on a busy machine), so the least of a few rounds counts
            long cost = Long.MAX_VALUE;
            for (int round = 0; round < 5 && cost >= 1_000; round++) {
                cost = Math.min(cost, allocatedBy(() -> statements(recorder)) - allocatedBy(() -> { }));
            }
            assertThat(cost).as("bytes allocated for %d statements", STATEMENTS).isLessThan(1_000);
            assertThat(log.containing(SQL)).isEmpty();
        }
    }

    @Test
    void atDebugEveryStatementIsTimedAndLogged() {
        StatementRecorder recorder = new StatementRecorder();
        try (SqlLogCapture log = SqlLogCapture.at(Level.DEBUG)) {
            assertThat(allocatedBy(() -> statements(recorder))).isPositive();
            assertThat(log.containing(SQL)).hasSize(2 * STATEMENTS);   // the warm-up round and the measured one
        }
    }

    private static void statements(StatementRecorder recorder) {
        for (int i = 0; i < STATEMENTS; i++) {
            StatementTiming timing = recorder.start(SQL);
            if (timing != null) {
                timing.succeeded(1, List::of);
            }
        }
    }

    /** The bytes this thread allocates running {@code work}, after a first run that loads and links what it needs. */
    private static long allocatedBy(Runnable work) {
        work.run();
        long before = ThreadAllocation.current();
        work.run();
        return ThreadAllocation.current() - before;
    }
}
