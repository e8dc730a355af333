package io.pgrecord.bench.paired;

import java.lang.management.ManagementFactory;

/**
 * What one block of a variant took: operations, wall time, the CPU time of every Java thread,
 * and the bytes allocated by the calling thread and by all threads. CPU is summed over the
 * threads (benchmark, pool, event-loop, carrier) with nanosecond resolution, which the process
 * CPU time of the OS bean lacks (10 ms ticks on Linux); the JIT and GC threads are not Java
 * threads and are left out, so this is the client code's own CPU.
 */
public record Block(long ops, long wallNanos, long cpuNanos, long threadBytes, long allBytes) {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Runs {@code op} until {@code nanos} have passed (at least once) and measures it. */
    static Block run(Op op, long nanos, Object[] sink) throws Exception {
        CpuSnapshot cpu0 = CpuSnapshot.take(THREADS);
        long all0 = THREADS.getTotalThreadAllocatedBytes();
        long mine0 = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        long ops = 0;
        long now;
        do {
            sink[0] = op.run();
            ops++;
            now = System.nanoTime();
        } while (now - t0 < nanos);
        long mine1 = THREADS.getCurrentThreadAllocatedBytes();
        long all1 = THREADS.getTotalThreadAllocatedBytes();
        long cpu = CpuSnapshot.take(THREADS).since(cpu0);
        return new Block(ops, now - t0, cpu, mine1 - mine0, all1 - all0);
    }
}
