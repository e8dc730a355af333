package io.pgrecord.internal.types;

import io.pgrecord.error.DataException;
import io.pgrecord.error.ServerErrorFields;
import io.pgrecord.types.MultiRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.Range;

/**
 * The one place a Java value becomes a bind value. It refuses what a driver would silently
 * mangle, before any SQL: text with an unpaired UTF-16 surrogate (the drivers write '?'), a
 * number that does not fit an integral column exactly (jOOQ's conversion narrows it), and a
 * date, timestamp or Duration outside what the server holds (the drivers write some dates as
 * {@code ±infinity}; a Duration past the interval's time part could not be stored). A number
 * out of range raises {@link DataException} with SQLSTATE 22003, a date, time or interval out of
 * range SQLSTATE 22008, as the server would.
 */
public final class BindValues {

    private BindValues() {
    }

    /** A bind of {@code value} for {@code column} of {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T> Field<T> of(String column, Object value, DataType<T> type) {
        return DSL.val((T) check(column, type.getType(), value), type);
    }

    /** The value checked, and converted exactly when it is a number for an integral column. */
    public static Object check(String column, Class<?> target, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            checkText(column, s);
        } else if (value instanceof Collection<?> c) {
            c.forEach(e -> check(column, Object.class, e));
        } else if (value instanceof Object[] a) {
            for (Object e : a) {
                check(column, Object.class, e);
            }
        } else if (value instanceof Number n && isIntegral(target) && !target.isInstance(value)) {
            return exactIntegral(column, target, n);
        } else if (value instanceof java.time.temporal.Temporal || value instanceof Duration
                || value instanceof Range<?> || value instanceof MultiRange<?>) {
            checkTemporal(column, value);
        }
        return value;
    }

    /**
     * Refuses a date, timestamp or interval the server cannot hold, or a range with such a
     * bound, as the server would (SQLSTATE 22008): the drivers would turn some of them into
     * {@code ±infinity}, and an interval the server stores must read back. The {@code MAX} and
     * {@code MIN} of the date and time types are the infinities and pass.
     */
    private static void checkTemporal(String column, Object value) {
        switch (value) {
            case LocalDate d -> DateTimeText.checkDate(column, d);
            case LocalDateTime t -> DateTimeText.checkTimestamp(column, t);
            case OffsetDateTime t -> DateTimeText.checkTimestampTz(column, t);
            case Instant t -> DateTimeText.checkInstant(column, t);
            case Duration d -> IntervalTypes.check(column, d);
            case Range<?> r -> {
                checkBound(column, r.lower());
                checkBound(column, r.upper());
            }
            case MultiRange<?> m -> m.ranges().forEach(r -> checkTemporal(column, r));
            default -> {
                // other temporals (LocalTime, OffsetTime) have no range to leave
            }
        }
    }

    private static void checkBound(String column, Object bound) {
        if (bound != null) {
            checkTemporal(column, bound);
        }
    }

    private static void checkText(String column, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw unpaired(column, i);
            }
            if (Character.isLowSurrogate(c)) {
                throw unpaired(column, i);
            }
        }
    }

    private static IllegalArgumentException unpaired(String column, int index) {
        return new IllegalArgumentException("value for " + column + " is not valid UTF-16: unpaired surrogate at index "
                + index + "; it cannot be stored as UTF-8 text");
    }

    private static boolean isIntegral(Class<?> c) {
        return c == Integer.class || c == Long.class || c == Short.class || c == int.class || c == long.class
                || c == short.class;
    }

    private static Object exactIntegral(String column, Class<?> target, Number n) {
        if ((n instanceof Double d && (d.isNaN() || d.isInfinite())) || (n instanceof Float f && (f.isNaN() || f.isInfinite()))) {
            throw outOfRange("value " + n + " for integer column " + column + " is not a finite number", null);
        }
        BigDecimal exact = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        BigDecimal integral;
        try {
            integral = exact.setScale(0);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("value " + n + " for integer column " + column + " has a fraction", e);
        }
        try {
            if (target == Integer.class || target == int.class) {
                return integral.intValueExact();
            }
            if (target == Short.class || target == short.class) {
                return integral.shortValueExact();
            }
            return integral.longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange("value " + n + " is out of range for column " + column + " (" + target.getSimpleName() + ")", e);
        }
    }

    /**
     * What the server answers for the same value (SQLSTATE 22003), raised before sending it,
     * because jOOQ's conversion would narrow it silently.
     */
    private static DataException outOfRange(String message, Throwable cause) {
        return new DataException(message, ServerErrorFields.of("22003", message), cause);
    }
}
