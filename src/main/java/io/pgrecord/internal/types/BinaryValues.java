package io.pgrecord.internal.types;

import java.math.BigDecimal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.JSON;
import org.jooq.JSONB;

/**
 * PostgreSQL's binary form of driver-level values (what {@link TypeMapper#databaseValue}
 * returns), by the server type of the column they go to: what a binary {@code COPY} sends.
 * <p>
 * A writer accepts only the Java classes whose binary form is exactly what a bind of the same
 * value would store, and answers false for any other, so the caller can use text instead: a
 * {@code String} for a {@code uuid} column, say, or a {@code LocalDateTime} for a
 * {@code timestamptz} one, which the server must interpret. Integers are range-checked against
 * the column's type, as the server would.
 */
public final class BinaryValues {

    /** Writes one value, length word included; false when its class has no binary form for the column. */
    @FunctionalInterface
    public interface Writer {
        boolean write(CopyBuffer out, String column, Object value);
    }

    /** The server type of a column: its OID (a domain's base type), and for an array, its element type. */
    public record ServerType(long oid, boolean isEnum, long elementOid, boolean elementIsEnum) {
    }

    private static final int INET_OID = 869;
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final long POSTGRES_EPOCH_DAYS = 10_957L;
    /** 3,168 years either side of 1970: well within the server's timestamps, 4713 BC to 294276 AD. */
    private static final long SURELY_IN_RANGE_SECONDS = 100_000_000_000L;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};

    private BinaryValues() {
    }

    /** The writer for a column of this type, or null when it has no binary form here. */
    public static Writer forType(ServerType type) {
        if (type.elementOid() != 0) {
            Writer element = scalar(type.elementOid(), type.elementIsEnum());
            return element == null ? null : array((int) type.elementOid(), element);
        }
        return scalar(type.oid(), type.isEnum());
    }

    /**
     * The writer of a field's own value, before {@link TypeMapper#databaseValue} turns it into
     * text, for a field type with a binary form of its own for the column: an {@link InetAddress}
     * for an {@code inet} column. Null for any other, whose values are converted first.
     */
    public static Writer forFieldValue(ServerType type, DataType<?> fieldType) {
        boolean scalar = type.elementOid() == 0 && !type.isEnum();
        return scalar && type.oid() == INET_OID && fieldType == InetTypes.INET_ADDRESS ? BinaryValues::inetAddress : null;
    }

    private static Writer scalar(long oid, boolean isEnum) {
        if (isEnum) {
            return BinaryValues::text;
        }
        return switch ((int) oid) {
            case 16 -> BinaryValues::bool;
            case 17 -> BinaryValues::bytea;
            case 20 -> (out, column, v) -> integer(out, column, v, Long.class);
            case 21 -> (out, column, v) -> integer(out, column, v, Short.class);
            case 23 -> (out, column, v) -> integer(out, column, v, Integer.class);
            case 19, 25, 1042, 1043 -> BinaryValues::text;
            case 114 -> BinaryValues::json;
            case 3802 -> BinaryValues::jsonb;
            case 700 -> BinaryValues::float4;
            case 701 -> BinaryValues::float8;
            case 1700 -> BinaryValues::numeric;
            case 2950 -> BinaryValues::uuid;
            case 1082 -> BinaryValues::date;
            case 1083 -> BinaryValues::time;
            case 1114 -> BinaryValues::timestamp;
            case 1184 -> BinaryValues::timestamptz;
            default -> null;
        };
    }

    private static boolean bool(CopyBuffer out, String column, Object v) {
        if (!(v instanceof Boolean b)) {
            return false;
        }
        out.int32(1);
        out.byte1(b ? 1 : 0);
        return true;
    }

    /** Bytes, or the hex text ({@code \x0102}) a byte[] field binds as: the server would read both as these bytes. */
    private static boolean bytea(CopyBuffer out, String column, Object v) {
        byte[] b;
        if (v instanceof byte[] raw) {
            b = raw;
        } else if (v instanceof String s && s.startsWith("\\x")) {
            try {
                b = HexFormat.of().parseHex(s, 2, s.length());
            } catch (IllegalArgumentException e) {
                return false;   // not hex after all: the server's text input reports it
            }
        } else {
            return false;
        }
        out.int32(b.length);
        out.bytes(b);
        return true;
    }

    /** An integer of the column's width, converted exactly or refused as out of range (22003). */
    private static boolean integer(CopyBuffer out, String column, Object v, Class<?> width) {
        if (!isInteger(v)) {
            return false;
        }
        Number n = (Number) BindValues.check(column, width, v);
        if (width == Short.class) {
            out.int32(2);
            out.int16(n.shortValue());
        } else if (width == Integer.class) {
            out.int32(4);
            out.int32(n.intValue());
        } else {
            out.int32(8);
            out.int64(n.longValue());
        }
        return true;
    }

    private static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short;
    }

    private static boolean float4(CopyBuffer out, String column, Object v) {
        if (!(v instanceof Float f)) {
            return false;
        }
        out.int32(4);
        out.int32(Float.floatToIntBits(f));
        return true;
    }

    private static boolean float8(CopyBuffer out, String column, Object v) {
        if (!(v instanceof Double d)) {
            return false;
        }
        out.int32(8);
        out.int64(Double.doubleToLongBits(d));
        return true;
    }

    private static boolean text(CopyBuffer out, String column, Object v) {
        if (!(v instanceof String s)) {
            return false;
        }
        utf8(out, column, s);
        return true;
    }

    private static boolean json(CopyBuffer out, String column, Object v) {
        String s = jsonText(v);
        if (s == null) {
            return false;
        }
        utf8(out, column, s);
        return true;
    }

    private static boolean jsonb(CopyBuffer out, String column, Object v) {
        String s = jsonText(v);
        if (s == null) {
            return false;
        }
        int start = out.beginField();
        out.byte1(1); // jsonb's binary format version
        if (out.utf8(s) >= 0) {
            refuse(column, s);
        }
        out.endField(start);
        return true;
    }

    private static String jsonText(Object v) {
        return switch (v) {
            case String s -> s;
            case JSONB j -> j.data();
            case JSON j -> j.data();
            default -> null;
        };
    }

    private static void utf8(CopyBuffer out, String column, String s) {
        int start = out.beginField();
        if (out.utf8(s) >= 0) {
            refuse(column, s);
        }
        out.endField(start);
    }

    /** Throws the bind check's error for text with an unpaired surrogate. */
    private static void refuse(String column, String s) {
        BindValues.check(column, String.class, s);
        throw new IllegalStateException("unpaired surrogate in " + column + " went unnoticed");
    }

    private static boolean uuid(CopyBuffer out, String column, Object v) {
        if (!(v instanceof UUID u)) {
            return false;
        }
        out.int32(16);
        out.int64(u.getMostSignificantBits());
        out.int64(u.getLeastSignificantBits());
        return true;
    }

    /**
     * A host address as inet: its family, all its bits as the prefix, not cidr, then its bytes,
     * which is what the server stores of its text, {@link InetAddress#getHostAddress}. An IPv6
     * address with a scope ({@code fe80::1%eth0}) has no such form: its text goes, for the server to judge.
     */
    private static boolean inetAddress(CopyBuffer out, String column, Object v) {
        if (!(v instanceof InetAddress a)
                || a instanceof Inet6Address six && (six.getScopeId() != 0 || six.getScopedInterface() != null)) {
            return false;
        }
        byte[] b = a.getAddress();
        out.int32(4 + b.length);
        out.byte1(b.length == 4 ? 2 : 3); // PGSQL_AF_INET, PGSQL_AF_INET6
        out.byte1(b.length * 8);
        out.byte1(0); // inet, not cidr
        out.byte1(b.length);
        out.bytes(b);
        return true;
    }

    /**
     * Days since 2000-01-01; {@code LocalDate.MAX} and {@code MIN} are the server's infinities, as
     * for a bind, and any other date outside its range is refused here, as by {@link BindValues}.
     */
    private static boolean date(CopyBuffer out, String column, Object v) {
        if (!(v instanceof LocalDate d)) {
            return false;
        }
        out.int32(4);
        if (d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN)) {
            out.int32(d.equals(LocalDate.MAX) ? Integer.MAX_VALUE : Integer.MIN_VALUE);
        } else {
            out.int32((int) (DateTimeText.checkDate(column, d).toEpochDay() - POSTGRES_EPOCH_DAYS));
        }
        return true;
    }

    private static boolean time(CopyBuffer out, String column, Object v) {
        if (!(v instanceof LocalTime t)) {
            return false;
        }
        out.int32(8);
        out.int64(roundToMicros(t.toNanoOfDay()));
        return true;
    }

    private static boolean timestamp(CopyBuffer out, String column, Object v) {
        if (!(v instanceof LocalDateTime t)) {
            return false;
        }
        out.int32(8);
        if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
            out.int64(t.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE);
        } else {
            DateTimeText.checkTimestamp(column, t);
            out.int64(micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano()));
        }
        return true;
    }

    private static boolean timestamptz(CopyBuffer out, String column, Object v) {
        long micros;
        if (v instanceof OffsetDateTime t) {
            micros = t.equals(OffsetDateTime.MAX) ? Long.MAX_VALUE : t.equals(OffsetDateTime.MIN) ? Long.MIN_VALUE
                    : micros(column, t);
        } else if (v instanceof Instant t) {
            micros = t.equals(Instant.MAX) ? Long.MAX_VALUE : t.equals(Instant.MIN) ? Long.MIN_VALUE
                    : micros(DateTimeText.checkInstant(column, t).getEpochSecond(), t.getNano());
        } else {
            return false;
        }
        out.int32(8);
        out.int64(micros);
        return true;
    }

    /** As {@link #micros(long, int)}, checked against the server's range only when it could leave it. */
    private static long micros(String column, OffsetDateTime t) {
        long epochSecond = t.toEpochSecond();
        if (Math.abs(epochSecond) > SURELY_IN_RANGE_SECONDS) {
            DateTimeText.checkTimestampTz(column, t);
        }
        return micros(epochSecond, t.getNano());
    }

    /**
     * Microseconds since 2000-01-01 of a time within the server's range, rounded half up as
     * pgjdbc rounds a bind. The {@code MAX} and {@code MIN} of each type are the server's
     * infinities, as for a bind.
     */
    private static long micros(long epochSecond, int nanos) {
        return (epochSecond - POSTGRES_EPOCH_SECONDS) * 1_000_000L + roundToMicros(nanos);
    }

    private static long roundToMicros(long nanos) {
        return (nanos + 500) / 1000;
    }

    /**
     * numeric: a count of base-10000 digits, the weight of the first, the sign, the display
     * scale, then the digits. The server applies the column's precision and scale, as it does
     * for a bind. A number past what numeric holds is refused as a bind is (22003): its weight
     * or scale would not fit their 16 bits, and the server would read a wrapped one as another
     * number (1E+131072 as 0) without complaint.
     */
    private static boolean numeric(CopyBuffer out, String column, Object v) {
        BigDecimal d;
        if (v instanceof BigDecimal b) {
            BindValues.check(column, BigDecimal.class, b);
            d = b;
        } else if (isInteger(v)) {
            d = BigDecimal.valueOf(((Number) v).longValue());
        } else {
            return false;
        }
        if (d.scale() >= 0 && d.precision() <= 15) {
            smallNumeric(out, d);
            return true;
        }
        int scale = Math.max(d.scale(), 0);
        String digits = d.abs().setScale(scale).unscaledValue().toString();
        // pad the integral part on the left and the fraction on the right to whole groups of four
        int integral = digits.length() - scale;
        int leftPad = integral <= 0 ? 0 : (4 - integral % 4) % 4;
        int fraction = scale;
        int rightPad = (4 - fraction % 4) % 4;
        StringBuilder padded = new StringBuilder(digits.length() + 8);
        padded.append("0".repeat(leftPad + Math.max(0, -integral))).append(digits).append("0".repeat(rightPad));
        int groups = padded.length() / 4;
        int weight = (Math.max(integral, 0) + leftPad) / 4 - 1;
        short[] base10000 = new short[groups];
        for (int g = 0; g < groups; g++) {
            base10000[g] = (short) Integer.parseInt(padded, g * 4, g * 4 + 4, 10);
        }
        int first = 0;
        while (first < groups && base10000[first] == 0) {
            first++;
        }
        int last = groups;
        while (last > first && base10000[last - 1] == 0) {
            last--;
        }
        int n = last - first;
        out.int32(8 + 2 * n);
        out.int16(n);
        out.int16(n == 0 ? 0 : weight - first);
        out.int16(n == 0 || d.signum() >= 0 ? 0x0000 : 0x4000);
        out.int16(scale);
        for (int g = first; g < last; g++) {
            out.int16(base10000[g]);
        }
        return true;
    }

    /**
     * As {@link #numeric}, by arithmetic on the unscaled value: with the fraction padded to whole
     * groups of four digits it stays below 10^18, so a long holds it and five groups cover it.
     */
    private static void smallNumeric(CopyBuffer out, BigDecimal d) {
        int scale = d.scale();
        int pad = (4 - scale % 4) % 4;
        long rest = Math.abs(d.unscaledValue().longValue()) * POWERS_OF_TEN[pad];
        int fractionGroups = (scale + pad) / 4;
        short[] groups = new short[5]; // the least significant first
        int count = 0;
        while (rest != 0) {
            groups[count++] = (short) (rest % 10_000);
            rest /= 10_000;
        }
        int low = 0;
        while (low < count && groups[low] == 0) {
            low++;
        }
        int n = count - low;
        out.int32(8 + 2 * n);
        out.int16(n);
        out.int16(n == 0 ? 0 : count - 1 - fractionGroups);
        out.int16(n == 0 || d.signum() >= 0 ? 0x0000 : 0x4000);
        out.int16(scale);
        for (int g = count - 1; g >= low; g--) {
            out.int16(groups[g]);
        }
    }

    /**
     * An array (nested Java arrays for more dimensions): dimensions, a has-null flag, the element
     * type, each dimension's length and lower bound 1, then the elements in row-major order. A
     * ragged array has no binary form; as text, the server reports it.
     */
    private static Writer array(int elementOid, Writer element) {
        return (out, column, v) -> {
            if (!(v instanceof Object[] top)) {
                return false;
            }
            int[] dims = dimensions(top);
            int start = out.beginField();
            out.int32(dims.length);
            int flags = out.position();
            out.int32(0);
            out.int32(elementOid);
            for (int dim : dims) {
                out.int32(dim);
                out.int32(1);
            }
            boolean[] hasNull = {false};
            if (dims.length > 0 && !elements(out, column, top, dims, 0, element, hasNull)) {
                return false;
            }
            out.put32(flags, hasNull[0] ? 1 : 0);
            out.endField(start);
            return true;
        };
    }

    /** Each level's length along the first elements, down to a leaf or an empty array. */
    private static int[] dimensions(Object[] top) {
        int depth = 0;
        Object level = top;
        while (level instanceof Object[] a && a.length > 0) {
            depth++;
            level = a[0];
        }
        int[] dims = new int[depth];
        level = top;
        for (int d = 0; d < depth; d++) {
            Object[] a = (Object[]) level;
            dims[d] = a.length;
            level = a[0];
        }
        return dims;
    }

    private static boolean elements(CopyBuffer out, String column, Object[] a, int[] dims, int depth, Writer element,
            boolean[] hasNull) {
        if (a.length != dims[depth]) {
            return false;
        }
        boolean leaf = depth == dims.length - 1;
        for (Object e : a) {
            if (leaf) {
                if (e == null) {
                    hasNull[0] = true;
                    out.int32(-1);
                } else if (e instanceof Object[] || !element.write(out, column, e)) {
                    return false;
                }
            } else if (!(e instanceof Object[] inner) || !elements(out, column, inner, dims, depth + 1, element, hasNull)) {
                return false;
            }
        }
        return true;
    }
}
