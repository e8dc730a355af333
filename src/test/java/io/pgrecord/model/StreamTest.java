package io.pgrecord.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.Model;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * stream() walks 100,000 rows of 2 KB (over 200 MB if held) through a cursor: the live heap,
 * measured after a full GC while the stream is mid-flight, stays far below that.
 */
@ExtendWith(PgExtension.class)
class StreamTest {

    private static final int ROWS = 100_000;

    @BeforeAll
    static void data(TestDatabase db) {
        db.execute("CREATE TABLE events (id bigint PRIMARY KEY, payload text)",
                "INSERT INTO events SELECT i, repeat(md5(i::text), 64) FROM generate_series(1, " + ROWS + ") i");
    }

    @BothBackends
    void streamsInBoundedMemory(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long[] peakLive = {0};
        long[] seen = {0};
        long n = ops.streamCount(ops.<Model>query("Event").orderBy("id"), () -> {
            if (++seen[0] % 25 == 1) {          // rows 1,000, 26,000, 51,000 and 76,000
                System.gc();
                peakLive[0] = Math.max(peakLive[0], memory.getHeapMemoryUsage().getUsed() - baseline);
            }
        });
        assertThat(n).isEqualTo(ROWS);
        assertThat(seen[0]).isEqualTo(ROWS / 1000);
        // Held in memory, the rows would be over 200 MB; other test classes share the heap, hence the margin.
        assertThat(peakLive[0]).isLessThan(80L * 1024 * 1024);
        assertThat(db.queryValue("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state = 'idle in transaction'")).isEqualTo(0L);
    }

    /**
     * Reactive only: a subscriber that asks for a few rows at a time, as limitRate(2) and a
     * concatMap that loads something per row do, gets every row and the completion, across
     * fetch boundaries.
     */
    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked") // the query built by name is the reactive one on this backend
    void aReactiveStreamAskedForFewRowsAtATimeCompletes(TestDatabase db) {
        ModelOps ops = ModelOps.on(Exec.R2DBC, db);
        java.time.Duration wait = java.time.Duration.ofSeconds(60);
        for (int rows : new int[] {3, 1000, 2500}) {
            io.pgrecord.AsyncQuery<Model> q = (io.pgrecord.AsyncQuery<Model>) ops.<Model>query("Event").orderBy("id").limit(rows);
            assertThat(q.stream().limitRate(2).count().block(wait)).isEqualTo(rows);
        }
        io.pgrecord.AsyncQuery<Model> few = (io.pgrecord.AsyncQuery<Model>) ops.<Model>query("Event").orderBy("id").limit(30);
        assertThat(few.stream().concatMap(e -> reactor.core.publisher.Mono.delay(java.time.Duration.ofMillis(1)).thenReturn(e))
                .count().block(wait)).isEqualTo(30);
    }
}
