package io.pgrecord.bench.paired;

/**
 * The ratio {@code metric(numerator) / metric(denominator)}, taken within each pair of blocks.
 * A null target makes it a reference figure, reported apart from the targets.
 */
public record Comparison(String numerator, String denominator, Metric metric, Target target) {

    public static Comparison of(String numerator, String denominator, Metric metric, Target target) {
        return new Comparison(numerator, denominator, metric, target);
    }

    public static Comparison reference(String numerator, String denominator, Metric metric) {
        return new Comparison(numerator, denominator, metric, null);
    }

    String label() {
        return numerator + " / " + denominator + ", " + metric.label;
    }
}
