package io.pgrecord.bench.paired;

/** What a comparison divides, per block; each value is per operation except throughput. */
public enum Metric {
    WALL("wall"),
    CPU("client CPU"),
    ALLOCATION("allocation/op"),
    THROUGHPUT("throughput");

    final String label;

    Metric(String label) {
        this.label = label;
    }

    /** The value of one block; allocation counts the calling thread only when both variants are blocking. */
    double of(Block b, boolean threadOnly) {
        return switch (this) {
            case WALL -> (double) b.wallNanos() / b.ops();
            case CPU -> (double) b.cpuNanos() / b.ops();
            case ALLOCATION -> (double) (threadOnly ? b.threadBytes() : b.allBytes()) / b.ops();
            case THROUGHPUT -> b.ops() / (double) b.wallNanos();
        };
    }
}
