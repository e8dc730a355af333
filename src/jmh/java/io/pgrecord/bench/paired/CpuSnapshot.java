package io.pgrecord.bench.paired;

import java.util.HashMap;
import java.util.Map;

/** The CPU time of every live Java thread at one moment, by thread id. */
record CpuSnapshot(Map<Long, Long> byThread) {

    static CpuSnapshot take(com.sun.management.ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                byThread.put(ids[i], cpu[i]);
            }
        }
        return new CpuSnapshot(byThread);
    }

    /** CPU spent since {@code start}; a thread started in between counts from zero. */
    long since(CpuSnapshot start) {
        long total = 0;
        for (Map.Entry<Long, Long> e : byThread.entrySet()) {
            total += e.getValue() - start.byThread.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }
}
