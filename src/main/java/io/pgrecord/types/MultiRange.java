package io.pgrecord.types;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.postgres.extensions.types.Range;

/**
 * A PostgreSQL multirange ({@code int4multirange}, {@code int8multirange},
 * {@code nummultirange}, {@code datemultirange}, {@code tsmultirange} or
 * {@code tstzmultirange}, PostgreSQL 14+): an ordered set of non-overlapping ranges, built from
 * jOOQ's range types.
 *
 * <p>Like the server, the factories normalise: empty ranges are dropped, overlapping and adjacent
 * ranges are merged, the rest are sorted, and discrete ranges take the {@code [lower,upper)} form.
 * Two multiranges are equal when they hold the same ranges. {@code tstzmultirange} bounds are
 * kept at UTC, so equality is by instant. The text form is the server's, such as
 * {@code {[1,3),[5,7)}}.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=multirange}
 *
 * @param <R> the jOOQ range type: {@code IntegerRange}, {@code LongRange},
 *            {@code BigDecimalRange}, {@code LocalDateRange}, {@code LocalDateTimeRange} or
 *            {@code OffsetDateTimeRange}
 */
public final class MultiRange<R extends Range<?>> {

    private static final MultiRange<?> EMPTY = new MultiRange<>(null, List.of());

    /** Null only for the empty multirange, which belongs to every range type. */
    private final RangeKind kind;
    private final List<R> ranges;

    private MultiRange(RangeKind kind, List<R> ranges) {
        this.kind = kind;
        this.ranges = ranges;
    }

    /** The empty multirange, {@code {}}. */
    @SuppressWarnings("unchecked")
    public static <R extends Range<?>> MultiRange<R> empty() {
        return (MultiRange<R>) EMPTY;
    }

    /** The union of the given ranges, normalised; all must be of the same jOOQ range class. */
    @SafeVarargs
    public static <R extends Range<?>> MultiRange<R> of(R... ranges) {
        // copied element by element: handing the generic varargs array itself to another method
        // is what javac's varargs lint flags as possible heap pollution
        List<R> list = new ArrayList<>(ranges.length);
        for (R r : ranges) {
            list.add(r);
        }
        return copyOf(list);
    }

    /** The union of the given ranges, normalised; all must be of the same jOOQ range class. */
    public static <R extends Range<?>> MultiRange<R> copyOf(List<? extends R> ranges) {
        if (ranges.isEmpty()) {
            return empty();
        }
        RangeKind kind = RangeKind.of(ranges.get(0).getClass());
        List<Bounds> bounds = new ArrayList<>(ranges.size());
        for (R r : ranges) {
            if (r.getClass() != kind.rangeClass) {
                throw new IllegalArgumentException("a multirange holds one range type, not both "
                        + kind.rangeClass.getSimpleName() + " and " + r.getClass().getSimpleName());
            }
            bounds.add(new Bounds(r.lower(), r.lowerIncluding(), r.upper(), r.upperIncluding()));
        }
        return normalised(kind, bounds);
    }

    /** Parses the server's text form, such as {@code {[1,3),[5,7)}}, into ranges of {@code rangeType}. */
    public static <R extends Range<?>> MultiRange<R> parse(String text, Class<R> rangeType) {
        RangeKind kind = RangeKind.of(rangeType);
        List<Bounds> bounds = MultiRangeText.parse(kind, text);
        try {
            return normalised(kind, bounds);
        } catch (IllegalArgumentException e) {
            throw Malformed.input(kind.typeName, text, e.getMessage());
        }
    }

    /** The ranges in order, normalised; an unmodifiable list. */
    public List<R> ranges() {
        return ranges;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** One range's bounds; a null bound is unbounded. */
    record Bounds(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
    }

    @SuppressWarnings("unchecked")
    private static <R extends Range<?>> MultiRange<R> normalised(RangeKind kind, List<Bounds> input) {
        List<Bounds> canonical = new ArrayList<>(input.size());
        for (Bounds b : input) {
            Bounds c = canonical(kind, b);
            if (c != null) {
                canonical.add(c);
            }
        }
        Comparator<Object> order = kind::compare;
        canonical.sort(Comparator.comparing(Bounds::lower, Comparator.nullsFirst(order))
                .thenComparing(b -> !b.lowerInclusive()));
        List<R> merged = new ArrayList<>();
        Bounds current = null;
        for (Bounds next : canonical) {
            if (current == null) {
                current = next;
            } else if (touches(kind, current, next)) {
                current = union(kind, current, next);
            } else {
                merged.add((R) kind.make(current.lower, current.lowerInclusive, current.upper, current.upperInclusive));
                current = next;
            }
        }
        if (current != null) {
            merged.add((R) kind.make(current.lower, current.lowerInclusive, current.upper, current.upperInclusive));
        }
        return merged.isEmpty() ? empty() : new MultiRange<>(kind, List.copyOf(merged));
    }

    /** The range in the server's canonical form, or null when it is empty. */
    private static Bounds canonical(RangeKind kind, Bounds b) {
        Object lower = b.lower;
        Object upper = b.upper;
        if (lower != null && upper != null && kind.compare(lower, upper) > 0) {
            throw new IllegalArgumentException(kind.typeName + ": range lower bound must be less than or equal to range upper bound ("
                    + kind.print(lower) + " > " + kind.print(upper) + ")");
        }
        boolean li = lower != null && b.lowerInclusive;
        boolean ui = upper != null && b.upperInclusive;
        if (kind.discrete()) {
            try {
                if (lower != null && !li) {
                    lower = kind.next(lower);
                    li = true;
                }
                if (upper != null && ui) {
                    upper = kind.next(upper);
                    ui = false;
                }
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(kind.typeName + " bound out of range", e);
            }
        }
        if (lower != null && upper != null) {
            int c = kind.compare(lower, upper);
            if (c > 0 || (c == 0 && !(li && ui))) {
                return null;
            }
        }
        return new Bounds(lower, li, upper, ui);
    }

    /** Whether {@code b}, which starts no earlier than {@code a}, overlaps or is adjacent to it. */
    private static boolean touches(RangeKind kind, Bounds a, Bounds b) {
        if (a.upper == null || b.lower == null) {
            return true;
        }
        int c = kind.compare(a.upper, b.lower);
        return c > 0 || (c == 0 && (a.upperInclusive || b.lowerInclusive));
    }

    private static Bounds union(RangeKind kind, Bounds a, Bounds b) {
        if (a.upper == null || b.upper == null) {
            return new Bounds(a.lower, a.lowerInclusive, null, false);
        }
        int c = kind.compare(a.upper, b.upper);
        Bounds last = c > 0 ? a : c < 0 ? b : new Bounds(null, false, a.upper, a.upperInclusive || b.upperInclusive);
        return new Bounds(a.lower, a.lowerInclusive, last.upper, last.upperInclusive);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiRange<?> other && ranges.equals(other.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    /** The server's text form: {@code {}}, or ranges such as {@code {[1,3),[5,7)}}. */
    @Override
    public String toString() {
        return MultiRangeText.print(kind, ranges);
    }
}
