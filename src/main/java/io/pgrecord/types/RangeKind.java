package io.pgrecord.types;

import io.pgrecord.internal.types.DateTimeText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jooq.postgres.extensions.types.BigDecimalRange;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.jooq.postgres.extensions.types.LocalDateTimeRange;
import org.jooq.postgres.extensions.types.LongRange;
import org.jooq.postgres.extensions.types.OffsetDateTimeRange;
import org.jooq.postgres.extensions.types.Range;

/**
 * The six built-in range types a {@link MultiRange} can hold: how to read, print, compare and,
 * for the discrete ones, step their elements, and how to build the jOOQ range object.
 */
enum RangeKind {

    INT4(IntegerRange.class, "int4multirange", Integer::valueOf, String::valueOf,
            v -> v == null ? null : Math.addExact((Integer) v, 1),
            (lo, li, hi, hu) -> IntegerRange.integerRange((Integer) lo, li, (Integer) hi, hu)),
    INT8(LongRange.class, "int8multirange", Long::valueOf, String::valueOf,
            v -> v == null ? null : Math.addExact((Long) v, 1L),
            (lo, li, hi, hu) -> LongRange.longRange((Long) lo, li, (Long) hi, hu)),
    NUM(BigDecimalRange.class, "nummultirange", BigDecimal::new, v -> ((BigDecimal) v).toPlainString(), null,
            (lo, li, hi, hu) -> BigDecimalRange.bigDecimalRange((BigDecimal) lo, li, (BigDecimal) hi, hu)),
    DATE(LocalDateRange.class, "datemultirange", DateTimeText::parseDate, v -> DateTimeText.formatDate((LocalDate) v),
            v -> v == null || v.equals(LocalDate.MAX) || v.equals(LocalDate.MIN) ? v : ((LocalDate) v).plusDays(1),
            (lo, li, hi, hu) -> LocalDateRange.localDateRange((LocalDate) lo, li, (LocalDate) hi, hu)),
    TS(LocalDateTimeRange.class, "tsmultirange", DateTimeText::parseTimestamp,
            v -> DateTimeText.formatTimestamp((LocalDateTime) v), null,
            (lo, li, hi, hu) -> LocalDateTimeRange.localDateTimeRange((LocalDateTime) lo, li, (LocalDateTime) hi, hu)),
    TSTZ(OffsetDateTimeRange.class, "tstzmultirange", DateTimeText::parseTimestampTz,
            v -> DateTimeText.formatTimestampTz((OffsetDateTime) v), null,
            (lo, li, hi, hu) -> OffsetDateTimeRange.offsetDateTimeRange(
                    lo == null ? null : DateTimeText.utc((OffsetDateTime) lo), li,
                    hi == null ? null : DateTimeText.utc((OffsetDateTime) hi), hu));

    /** Builds one jOOQ range; a null bound is unbounded. */
    interface Factory {
        Range<?> make(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive);
    }

    final Class<?> rangeClass;
    final String typeName;
    private final Function<String, Object> parser;
    private final Function<Object, String> printer;
    /** The next value of a discrete type; null for a continuous one. */
    private final UnaryOperator<Object> next;
    private final Factory factory;

    RangeKind(Class<?> rangeClass, String typeName, Function<String, Object> parser, Function<Object, String> printer,
              UnaryOperator<Object> next, Factory factory) {
        this.rangeClass = rangeClass;
        this.typeName = typeName;
        this.parser = parser;
        this.printer = printer;
        this.next = next;
        this.factory = factory;
    }

    static RangeKind of(Class<?> rangeClass) {
        for (RangeKind kind : values()) {
            if (kind.rangeClass == rangeClass) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no multirange type for " + rangeClass.getName()
                + "; use IntegerRange, LongRange, BigDecimalRange, LocalDateRange, LocalDateTimeRange or OffsetDateTimeRange");
    }

    boolean discrete() {
        return next != null;
    }

    Object next(Object value) {
        return next.apply(value);
    }

    Object parse(String text) {
        return parser.apply(text);
    }

    String print(Object value) {
        return printer.apply(value);
    }

    Range<?> make(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
        return factory.make(lower, lowerInclusive, upper, upperInclusive);
    }

    @SuppressWarnings("unchecked")
    int compare(Object a, Object b) {
        return ((Comparable<Object>) a).compareTo(b);
    }
}
