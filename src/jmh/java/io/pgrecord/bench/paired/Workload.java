package io.pgrecord.bench.paired;

import java.util.List;

/**
 * The variants of one operation, measured in alternating blocks: the check that they agree, the
 * untimed step before each block, how long a block and the warmup last, and the comparisons.
 * A block of zero nanoseconds is one operation (the bulk loads).
 */
public record Workload(String name, List<Variant> variants, Step check, Step beforeBlock, long blockNanos,
        double warmupSeconds, int pairs, List<Comparison> comparisons) {

    int index(String variant) {
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).name().equals(variant)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no variant " + variant);
    }

    /** This workload without its operations, for the results: a bulk load's rows are not kept past its run. */
    Workload withoutOps() {
        List<Variant> names = variants.stream().map(v -> new Variant(v.name(), v.blocking(), null)).toList();
        return new Workload(name, names, Step.NONE, Step.NONE, blockNanos, warmupSeconds, pairs, comparisons);
    }

    boolean blocking(String variant) {
        return variants.get(index(variant)).blocking();
    }
}
