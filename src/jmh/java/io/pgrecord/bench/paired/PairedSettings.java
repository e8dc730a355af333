package io.pgrecord.bench.paired;

import java.util.Arrays;
import java.util.List;

/**
 * The paired run's settings, from {@code -Dpaired.*} (a blank value keeps the default):
 * <ul>
 *   <li>{@code paired.warmup}: seconds of warmup per workload of short operations, doubled for
 *       the millisecond ones (fetch 1,000), default 30;</li>
 *   <li>{@code paired.pairs}: measured rounds per workload, default 40;</li>
 *   <li>{@code paired.blockMs}: the length of one block, default 150;</li>
 *   <li>{@code paired.bulkPairs}: rounds per bulk load, one operation per block, default 10;</li>
 *   <li>{@code paired.bulkRows}: the bulk-load sizes, default {@code 100000,1000000};</li>
 *   <li>{@code paired.include}: a regular expression on workload names, default all.</li>
 * </ul>
 */
record PairedSettings(double warmupSeconds, int pairs, long blockNanos, int bulkPairs, List<Integer> bulkRows,
        String include) {

    /** Fewer pairs than this and the run is a smoke test, and its file says so. */
    static final int MIN_PAIRS = 40;

    static PairedSettings fromProperties() {
        int pairs = intProperty("paired.pairs", MIN_PAIRS);
        return new PairedSettings(
                Double.parseDouble(property("paired.warmup", "30")),
                pairs,
                intProperty("paired.blockMs", 150) * 1_000_000L,
                intProperty("paired.bulkPairs", Math.min(10, pairs)),
                Arrays.stream(property("paired.bulkRows", "100000,1000000").split(",")).map(String::trim)
                        .map(Integer::valueOf).toList(),
                property("paired.include", ".*"));
    }

    boolean smoke() {
        return pairs < MIN_PAIRS;
    }

    private static String property(String name, String fallback) {
        String v = System.getProperty(name, "");
        return v.isBlank() ? fallback : v;
    }

    private static int intProperty(String name, int fallback) {
        return Integer.parseInt(property(name, String.valueOf(fallback)));
    }
}
