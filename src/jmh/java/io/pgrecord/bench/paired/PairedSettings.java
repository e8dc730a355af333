package io.pgrecord.bench.paired;

import java.util.Arrays;
import java.util.List;

/**
 * The paired run's settings, from {@code -Dpaired.*} (a blank value keeps the default):
 * <ul>
 *   <li>{@code paired.warmup}: seconds of warmup per workload of short operations, default 25;
 *       the millisecond ones take a multiple (fetch 1,000: 3×, wide fetch 1,000: 2×);</li>
 *   <li>{@code paired.pairs}: measured rounds per workload, default 40;</li>
 *   <li>{@code paired.blockMs}: the length of one block, default 150;</li>
 *   <li>{@code paired.bulkPairs}: rounds per bulk load, one operation per block, default 8;</li>
 *   <li>{@code paired.bulkRows}: the bulk-load sizes on the narrow table, default {@code 100000,1000000};</li>
 *   <li>{@code paired.bulkRowsWide}: those on the wide table, default {@code 100000} (a million wide
 *       rows take minutes per round, beyond the run's 15-minute budget);</li>
 *   <li>{@code paired.include}: a regular expression on workload names, default all;</li>
 *   <li>{@code paired.study}: {@code driver} runs {@link DriverStudy} instead of the workloads above,
 *       with defaults of its own for the warmup base and the block ({@link DriverStudy#WARMUP_SECONDS},
 *       {@link DriverStudy#BLOCK_MS}).</li>
 * </ul>
 */
record PairedSettings(double warmupSeconds, int pairs, long blockNanos, int bulkPairs, List<Integer> bulkRows,
        List<Integer> bulkRowsWide, String include) {

    /** Fewer pairs than this and the run is a smoke test, and its file says so. */
    static final int MIN_PAIRS = 40;

    static PairedSettings fromProperties() {
        return fromProperties(25, 150);
    }

    /** The same, with other defaults for the warmup base and the block (the driver-settings study's). */
    static PairedSettings fromProperties(double warmupSeconds, int blockMs) {
        int pairs = intProperty("paired.pairs", MIN_PAIRS);
        return new PairedSettings(
                Double.parseDouble(property("paired.warmup", String.valueOf(warmupSeconds))),
                pairs,
                intProperty("paired.blockMs", blockMs) * 1_000_000L,
                intProperty("paired.bulkPairs", Math.min(8, pairs)),
                sizes("paired.bulkRows", "100000,1000000"),
                sizes("paired.bulkRowsWide", "100000"),
                property("paired.include", ".*"));
    }

    boolean smoke() {
        return pairs < MIN_PAIRS;
    }

    private static List<Integer> sizes(String name, String fallback) {
        return Arrays.stream(property(name, fallback).split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static String property(String name, String fallback) {
        String v = System.getProperty(name, "");
        return v.isBlank() ? fallback : v;
    }

    private static int intProperty(String name, int fallback) {
        return Integer.parseInt(property(name, String.valueOf(fallback)));
    }
}
