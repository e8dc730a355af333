package io.pgrecord.internal.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import io.pgrecord.error.DataException;
import io.pgrecord.error.ServerErrorFields;
import io.pgrecord.types.MultiRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.Range;
import org.jspecify.annotations.Nullable;

/**
 * The one place a Java value becomes a bind value. It refuses what a driver would silently
 * mangle, before any SQL: text with an unpaired UTF-16 surrogate (the drivers write '?'), a
 * number that does not fit an integral column exactly (jOOQ's conversion narrows it), and a
 * date, timestamp or Duration outside what the server holds (the drivers write some dates as
 * {@code ±infinity}; a Duration past the interval's time part could not be stored). A number
 * out of range raises {@link DataException} with SQLSTATE 22003, a date, time or interval out of
 * range SQLSTATE 22008, as the server would.
 *
 * <p>Text is looked for wherever a value holds it: in strings, in the elements of arrays and
 * collections, in the keys and values of maps (hstore), in {@code JSON}/{@code JSONB} text and
 * in JSON trees. For a json or jsonb column, {@link #check(String, DataType, Object, ObjectMapper)}
 * also looks inside what Jackson will write: every key and string of nested maps and lists, and
 * for a record, POJO or anything else it does not walk, the JSON text that the backend's mapper
 * (the one the bind writes with) makes of it.
 */
public final class BindValues {

    private BindValues() {
    }

    /** A bind of {@code value} for {@code column} of {@code type}, {@link #check(String, DataType, Object, ObjectMapper) checked}. */
    @SuppressWarnings("unchecked")
    public static <T> Field<T> of(String column, Object value, DataType<T> type, @Nullable ObjectMapper json) {
        return DSL.val((T) check(column, type, value, json), type);
    }

    /**
     * As {@link #check(String, DataType, Object, ObjectMapper)} where the backend the value goes
     * to is not known yet, as for a {@code where} bind, made before the query runs: a JSON value
     * that only Jackson's serializers can write is then checked by the bind, which writes it with
     * that backend's mapper ({@link Json#write(ObjectMapper, Object)}).
     */
    public static Object check(String column, DataType<?> type, Object value) {
        return check(column, type, value, null);
    }

    /**
     * The value checked for a column of this type: as {@link #check(String, Class, Object)}; for
     * a json or jsonb type (or an array or list of one) whatever JSON {@code json}, the mapper of
     * the backend it goes to, will write of it, keys included; and for an oid type (or an array
     * or list of one) the range of oid.
     */
    public static Object check(String column, DataType<?> type, Object value, @Nullable ObjectMapper json) {
        if (value != null && JsonTypes.isJackson(type)) {
            checkJson(column, value, json);
            return value;
        }
        Object checked = check(column, type.getType(), value);
        if (checked != null && "oid".equals(TextBinding.castTypeOf(type))) {
            checkOid(column, checked);
        }
        return checked;
    }

    /**
     * Whether {@link #check(String, DataType, Object)} looks at more of a value of this type than
     * its class tells: JSON, by what Jackson writes, and oid, by its range.
     */
    public static boolean checksByType(DataType<?> type) {
        String cast = TextBinding.castTypeOf(type);
        return "jsonb".equals(cast) || "json".equals(cast) || "oid".equals(cast);
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
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                check(column, Object.class, k);
                check(column, Object.class, v);
            });
        } else if (value instanceof JSONB || value instanceof JSON || value instanceof JsonNode) {
            checkJson(column, value, null);
        } else if (value instanceof Number n && isIntegral(target) && !target.isInstance(value)) {
            return exactIntegral(column, target, n);
        } else if (value instanceof BigDecimal d) {
            checkNumeric(column, d);
        } else if (value instanceof Temporal || value instanceof Duration
                || value instanceof Range<?> || value instanceof MultiRange<?>) {
            checkTemporal(column, value);
            if (value instanceof OffsetDateTime t && Math.abs(t.getOffset().getTotalSeconds()) >= MAX_SERVER_OFFSET
                    && !t.equals(OffsetDateTime.MAX) && !t.equals(OffsetDateTime.MIN)) {
                // java.time allows offsets up to ±18:00, the server's input ±15:59: the same instant at UTC
                // (MAX and MIN, at -18:00 and +18:00, are the infinities)
                return t.withOffsetSameInstant(ZoneOffset.UTC);
            }
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
        int at = unpairedSurrogate(s);
        if (at >= 0) {
            throw unpaired(column, "at index " + at);
        }
    }

    /** The index of the first unpaired UTF-16 surrogate in {@code s}, or -1. */
    static int unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) { // one range test per char: most text has none
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException unpaired(String column, String where) {
        return new IllegalArgumentException("value for " + column + " is not valid UTF-16: unpaired surrogate " + where
                + "; it cannot be stored as UTF-8 text");
    }

    /**
     * Every key and string of the JSON that Jackson writes of {@code value}. Strings, numbers,
     * booleans, JDK maps with string keys, JDK collections, arrays, {@code JSON}/{@code JSONB}
     * text and trees are walked, without writing any JSON; anything else (a record, a POJO, a map with
     * other keys, whose text Jackson's serializers decide) is written with {@code json}, the
     * mapper the bind will write it with, and its text checked; with no mapper known, the bind
     * checks that text. Jackson itself passes an unpaired surrogate through unescaped.
     */
    private static void checkJson(String column, Object value, @Nullable ObjectMapper json) {
        switch (value) {
            case null -> {
            }
            case String s -> checkJsonText(column, s, "in a JSON string");
            case Boolean b -> {
            }
            case Number n when jdk(n) -> {
            }
            case JSONB j -> checkJsonText(column, j.data(), "in its JSON text");
            case JSON j -> checkJsonText(column, j.data(), "in its JSON text");
            case POJONode p -> checkJson(column, p.getPojo(), json);
            case JsonNode node -> checkTree(column, node, json);
            case Map<?, ?> m when jdk(m) && stringKeys(m) -> m.forEach((k, v) -> {
                checkJsonText(column, (String) k, "in a JSON key");
                checkJson(column, v, json);
            });
            case Collection<?> c when jdk(c) -> c.forEach(e -> checkJson(column, e, json));
            case Object[] a -> {
                for (Object e : a) {
                    checkJson(column, e, json);
                }
            }
            default -> {
                if (json != null) {
                    checkJsonText(column, Json.serialise(json, value), "in the JSON of its " + value.getClass().getName());
                }
            }
        }
    }

    private static void checkTree(String column, JsonNode node, @Nullable ObjectMapper json) {
        if (node.isTextual()) {
            checkJsonText(column, node.textValue(), "in a JSON string");
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                checkJsonText(column, e.getKey(), "in a JSON key");
                checkJson(column, e.getValue(), json);
            }
        } else if (node.isArray()) {
            node.forEach(e -> checkJson(column, e, json));
        }
        // numbers, booleans, null and binary (base64) hold no text of the caller's
    }

    private static void checkJsonText(String column, String s, String where) {
        int at = s == null ? -1 : unpairedSurrogate(s);
        if (at >= 0) {
            throw unpaired(column, where + " (at index " + at + ")");
        }
    }

    /** Whether every key is a string, which Jackson writes as it is; other keys go through its key serializers. */
    private static boolean stringKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** A JDK class, whose JSON form Jackson's defaults decide (a user's subclass may carry its own serializer). */
    private static boolean jdk(Object o) {
        return o.getClass().getName().startsWith("java.");
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

    /** The largest oid: an unsigned 32-bit number. */
    private static final long MAX_OID = 4_294_967_295L;

    /**
     * Refuses an oid (or an element of an oid array) outside 0..4294967295, as the server
     * refuses one past the top (SQLSTATE 22003): its input also takes -1 to -2147483648, as the
     * oids 2^32 - 1 down to 2^31, so -1 would be stored as 4294967295.
     */
    private static void checkOid(String column, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            long n = ((Number) value).longValue();
            if (n < 0 || n > MAX_OID) {
                throw outOfRange("value " + n + " for column " + column + " is out of range for type oid (0.." + MAX_OID + ")", null);
            }
        } else if (value instanceof Collection<?> c) {
            c.forEach(e -> checkOid(column, e));
        } else if (value instanceof Object[] a) {
            for (Object e : a) {
                checkOid(column, e);
            }
        }
        // a null element passes; an oid field holds Longs, and anything else is the server's to judge
    }

    /** The smallest offset, in seconds, that PostgreSQL's timestamptz input refuses (16:00). */
    private static final int MAX_SERVER_OFFSET = 16 * 3600;

    /** The most digits PostgreSQL's numeric holds before the decimal point, and after it. */
    private static final int NUMERIC_INTEGRAL_DIGITS = 131072;
    private static final int NUMERIC_FRACTION_DIGITS = 16383;

    /**
     * Refuses a number numeric cannot hold, as the server does (SQLSTATE 22003): pgjdbc's binary
     * encoding of one with too many integral digits sends a value the server reads as 0.
     */
    private static void checkNumeric(String column, BigDecimal d) {
        if (d.precision() - d.scale() > NUMERIC_INTEGRAL_DIGITS || d.scale() > NUMERIC_FRACTION_DIGITS) {
            String text = d.toString();
            throw outOfRange("value " + (text.length() <= 40 ? text : text.substring(0, 40) + "...") + " for column " + column
                    + " overflows numeric format: it holds up to " + NUMERIC_INTEGRAL_DIGITS + " digits before the decimal point and "
                    + NUMERIC_FRACTION_DIGITS + " after", null);
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
