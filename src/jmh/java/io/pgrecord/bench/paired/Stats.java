package io.pgrecord.bench.paired;

import java.util.Arrays;

/** Quantiles by linear interpolation between the closest ranks. */
final class Stats {

    private Stats() {
    }

    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }
}
