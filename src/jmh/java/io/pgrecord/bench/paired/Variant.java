package io.pgrecord.bench.paired;

/**
 * One way of doing a workload's operation. A blocking variant does all its work on the calling
 * thread, so that thread's allocation is its exact allocation; a reactive one also works on
 * event-loop (or carrier) threads, so every thread's allocation counts.
 */
public record Variant(String name, boolean blocking, Op op) {

    public static Variant blocking(String name, Op op) {
        return new Variant(name, true, op);
    }

    public static Variant reactive(String name, Op op) {
        return new Variant(name, false, op);
    }
}
