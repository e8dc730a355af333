package io.pgrecord.bench.paired;

/** A bound on a median ratio, as the issue states it: {@code ≤ 1.05}, {@code < 1.00}, {@code ≥ 0.95}. */
public record Target(String relation, double bound) {

    public static Target atMost(double bound) {
        return new Target("≤", bound);
    }

    public static Target below(double bound) {
        return new Target("<", bound);
    }

    public static Target atLeast(double bound) {
        return new Target("≥", bound);
    }

    boolean met(double median) {
        return switch (relation) {
            case "≤" -> median <= bound;
            case "<" -> median < bound;
            case "≥" -> median >= bound;
            default -> throw new IllegalStateException(relation);
        };
    }

    @Override
    public String toString() {
        return relation + " " + String.format("%.2f", bound);
    }
}
