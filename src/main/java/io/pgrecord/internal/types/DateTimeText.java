package io.pgrecord.internal.types;

import io.pgrecord.error.DataException;
import io.pgrecord.error.ServerErrorFields;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Dates and timestamps as PostgreSQL writes and reads them, and the range its types hold.
 *
 * <p><b>Text.</b> The server's {@code DateStyle = ISO} output, which both drivers ask for:
 * {@code 2024-01-31}, {@code 2024-01-31 10:00:00.5}, {@code 2024-01-31 10:00:00+05:30}. A year
 * before 1 is written {@code 0044-03-15 BC} (java.time's year -43; its year 0 is 1 BC), a year
 * past 9999 has more digits and no sign ({@code 10000-01-01}), where java.time would print
 * {@code -0043-03-15} and {@code +10000-01-01}, which the server refuses or misreads. The
 * server's {@code infinity} and {@code -infinity} are the {@code MAX} and {@code MIN} of each
 * Java type, as pgjdbc and r2dbc-postgresql map them.
 *
 * <p><b>Range.</b> {@code date} holds 4714-11-24 BC to 5874897-12-31; {@code timestamp} and
 * {@code timestamptz} (as UTC) hold 4714-11-24 00:00 BC to 294276-12-31 23:59:59.999999. A
 * value outside, other than a {@code MAX} or {@code MIN}, is refused with a
 * {@link DataException} (SQLSTATE 22008, the server's own answer) before any SQL: left to the
 * drivers, some such values would silently become {@code ±infinity}.
 */
public final class DateTimeText {

    /** 4714-11-24 BC, the first day of the Julian day count: the server's first date. */
    public static final LocalDate DATE_MIN = LocalDate.of(-4713, 11, 24);
    public static final LocalDate DATE_MAX = LocalDate.of(5874897, 12, 31);
    public static final LocalDateTime TIMESTAMP_MIN = DATE_MIN.atStartOfDay();
    public static final LocalDateTime TIMESTAMP_MAX = LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000);
    private static final long MIN_EPOCH_SECOND = TIMESTAMP_MIN.toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_EPOCH_SECOND = TIMESTAMP_MAX.toEpochSecond(ZoneOffset.UTC);

    private DateTimeText() {
    }

    // ---- range checks -------------------------------------------------------------------------

    /** Refuses a date the server cannot hold; {@code MAX} and {@code MIN} are its infinities. */
    public static LocalDate checkDate(String column, LocalDate d) {
        if (d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN) || (!d.isBefore(DATE_MIN) && !d.isAfter(DATE_MAX))) {
            return d;
        }
        throw outOfRange("date", d, column, "4714-11-24 BC to 5874897-12-31");
    }

    /** Refuses a timestamp the server cannot hold, after rounding to microseconds. */
    public static LocalDateTime checkTimestamp(String column, LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
            return t;
        }
        if (!inRange(t.toEpochSecond(ZoneOffset.UTC), t.getNano())) {
            throw outOfRange("timestamp", t, column, TIMESTAMP_RANGE);
        }
        return t;
    }

    /** Refuses a timestamptz whose instant the server cannot hold, after rounding to microseconds. */
    public static OffsetDateTime checkTimestampTz(String column, OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN) || inRange(t.toEpochSecond(), t.getNano())) {
            return t;
        }
        throw outOfRange("timestamp with time zone", t, column, TIMESTAMP_RANGE + " UTC");
    }

    /** As {@link #checkTimestampTz}; {@code Instant.MAX} and {@code MIN} are the infinities. */
    public static Instant checkInstant(String column, Instant t) {
        if (t.equals(Instant.MAX) || t.equals(Instant.MIN) || inRange(t.getEpochSecond(), t.getNano())) {
            return t;
        }
        throw outOfRange("timestamp with time zone", t, column, TIMESTAMP_RANGE + " UTC");
    }

    private static final String TIMESTAMP_RANGE = "4714-11-24 00:00:00 BC to 294276-12-31 23:59:59.999999";

    /** Whether a time, rounded half up to microseconds as it is sent, is within the server's range. */
    private static boolean inRange(long epochSecond, int nanos) {
        long micros = (nanos + 500) / 1000;
        if (micros == 1_000_000) {
            epochSecond++;
        }
        return epochSecond >= MIN_EPOCH_SECOND && epochSecond <= MAX_EPOCH_SECOND;
    }

    private static DataException outOfRange(String type, Object value, String column, String range) {
        String message = type + " out of range: " + value + " for " + column + "; PostgreSQL holds " + range
                + " (the MAX and MIN of the Java type are infinity and -infinity)";
        return new DataException(message, ServerErrorFields.of("22008", message), null);
    }

    /**
     * 4713-01-01 BC: pgjdbc and r2dbc-postgresql send any earlier date or time as
     * {@code -infinity}, though the server holds them from 4714-11-24 BC.
     */
    private static final LocalDate DRIVER_MIN = LocalDate.of(-4712, 1, 1);
    private static final long DRIVER_MIN_EPOCH_SECOND = DRIVER_MIN.atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    /**
     * What to hand a driver for a checked date or time: the value itself, which both drivers
     * write right (BC, past 9999, MAX and MIN as the infinities), or its text for the few weeks
     * before 4713-01-01 BC, which they would write as {@code -infinity}. The text goes into the
     * same {@code cast(? as date)} and the server reads it.
     */
    public static Object forDriver(Object value) {
        return switch (value) {
            case LocalDate d when d.isBefore(DRIVER_MIN) && !d.equals(LocalDate.MIN) -> formatDate(d);
            case LocalDateTime t when t.toLocalDate().isBefore(DRIVER_MIN) && !t.equals(LocalDateTime.MIN) -> formatTimestamp(t);
            case OffsetDateTime t when t.toEpochSecond() < DRIVER_MIN_EPOCH_SECOND && !t.equals(OffsetDateTime.MIN) ->
                    formatTimestampTz(t);
            default -> value;
        };
    }

    // ---- text ---------------------------------------------------------------------------------

    public static String formatDate(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (d.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        return appendDate(new StringBuilder(16), d).append(d.getYear() <= 0 ? " BC" : "").toString();
    }

    /** {@code 2024-01-31 10:00:00.5}, rounded half up to microseconds as pgjdbc rounds a bind. */
    public static String formatTimestamp(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (t.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        LocalDateTime r = roundToMicros(t);
        StringBuilder out = appendTime(appendDate(new StringBuilder(32), r.toLocalDate()).append(' '), r.toLocalTime());
        return out.append(r.getYear() <= 0 ? " BC" : "").toString();
    }

    /** The time in its own offset, {@code 2024-01-31 10:00:00.5+05:30}; the server keeps the instant. */
    public static String formatTimestampTz(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX)) {
            return "infinity";
        }
        if (t.equals(OffsetDateTime.MIN)) {
            return "-infinity";
        }
        LocalDateTime r = roundToMicros(t.toLocalDateTime());
        StringBuilder out = appendTime(appendDate(new StringBuilder(40), r.toLocalDate()).append(' '), r.toLocalTime());
        out.append(t.getOffset().getTotalSeconds() == 0 ? "+00" : t.getOffset().getId());
        return out.append(r.getYear() <= 0 ? " BC" : "").toString();
    }

    public static String formatInstant(Instant t) {
        if (t.equals(Instant.MAX)) {
            return "infinity";
        }
        if (t.equals(Instant.MIN)) {
            return "-infinity";
        }
        try {
            return formatTimestampTz(t.atOffset(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            throw outOfRange("timestamp with time zone", t, "a value", TIMESTAMP_RANGE + " UTC");
        }
    }

    private static LocalDateTime roundToMicros(LocalDateTime t) {
        int nanos = t.getNano() % 1000;
        if (nanos == 0) {
            return t;
        }
        LocalDateTime down = t.minusNanos(nanos);
        if (nanos < 500) {
            return down;
        }
        try {
            return down.plusNanos(1000);
        } catch (DateTimeException e) {
            return down;    // past java.time's range: far outside the server's anyway
        }
    }

    private static StringBuilder appendDate(StringBuilder out, LocalDate d) {
        int y = d.getYear();
        int year = y <= 0 ? 1 - y : y;
        String digits = Integer.toString(year);
        out.append("0000", 0, Math.max(0, 4 - digits.length())).append(digits).append('-');
        two(out, d.getMonthValue()).append('-');
        return two(out, d.getDayOfMonth());
    }

    private static StringBuilder appendTime(StringBuilder out, LocalTime t) {
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String f = Integer.toString(micros + 1_000_000).substring(1);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(f, 0, end);
        }
        return out;
    }

    private static StringBuilder two(StringBuilder out, int n) {
        return out.append(n < 10 ? "0" : "").append(n);
    }

    public static LocalDate parseDate(String text) {
        int inf = infinity(text);
        if (inf != 0) {
            return inf > 0 ? LocalDate.MAX : LocalDate.MIN;
        }
        Cursor c = new Cursor(text, "date");
        LocalDate d = c.date();
        c.end();
        return d;
    }

    public static LocalDateTime parseTimestamp(String text) {
        int inf = infinity(text);
        if (inf != 0) {
            return inf > 0 ? LocalDateTime.MAX : LocalDateTime.MIN;
        }
        Cursor c = new Cursor(text, "timestamp");
        LocalDate d = c.date();
        c.separator();
        LocalDateTime t = LocalDateTime.of(d, c.time());
        c.end();
        return t;
    }

    /** A timestamptz as the server prints it, at the offset it prints (the session's time zone). */
    public static OffsetDateTime parseTimestampTz(String text) {
        int inf = infinity(text);
        if (inf != 0) {
            return inf > 0 ? OffsetDateTime.MAX : OffsetDateTime.MIN;
        }
        Cursor c = new Cursor(text, "timestamp with time zone");
        LocalDate d = c.date();
        c.separator();
        LocalTime time = c.time();
        ZoneOffset offset = c.offset();
        c.end();
        return OffsetDateTime.of(d, time, offset);
    }

    public static Instant parseInstant(String text) {
        OffsetDateTime t = parseTimestampTz(text);
        return t.equals(OffsetDateTime.MAX) ? Instant.MAX : t.equals(OffsetDateTime.MIN) ? Instant.MIN : t.toInstant();
    }

    /** The same instant at UTC, so equal instants compare equal; the infinities stay as they are. */
    public static OffsetDateTime utc(OffsetDateTime t) {
        return t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static int infinity(String s) {
        if (!s.isEmpty() && s.charAt(0) >= '0' && s.charAt(0) <= '9') {
            return 0;   // every finite value the server prints: no copies of the text to compare
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "infinity", "+infinity" -> 1;
            case "-infinity" -> -1;
            default -> 0;
        };
    }

    /**
     * Reads {@code [+-]Y...Y-MM-DD[( |T)HH:MM[:SS[.f...]][offset]][ BC]}. A year with a sign is
     * java.time's proleptic year, as {@code LocalDate.toString()} prints it.
     */
    private static final class Cursor {
        private final String text;
        private final String type;
        private final String body;
        private final boolean bc;
        private int pos;

        Cursor(String text, String type) {
            this.text = text;
            this.type = type;
            String s = text.strip();
            boolean era = s.length() > 3 && s.regionMatches(true, s.length() - 3, " BC", 0, 3);
            this.bc = era;
            this.body = era ? s.substring(0, s.length() - 3).strip() : s;
        }

        LocalDate date() {
            int sign = 0;
            if (pos < body.length() && (body.charAt(pos) == '-' || body.charAt(pos) == '+')) {
                sign = body.charAt(pos++) == '-' ? -1 : 1;
                if (bc) {
                    throw bad();
                }
            }
            int start = pos;
            long year = digits(1, 10);
            if (pos - start < 4) {
                throw bad();
            }
            expect('-');
            int month = (int) digits(2, 2);
            expect('-');
            int day = (int) digits(2, 2);
            long y = bc ? 1 - year : sign < 0 ? -year : year;
            try {
                return LocalDate.of(Math.toIntExact(y), month, day);
            } catch (DateTimeException | ArithmeticException e) {
                throw bad(e);
            }
        }

        void separator() {
            if (pos < body.length() && (body.charAt(pos) == ' ' || body.charAt(pos) == 'T')) {
                pos++;
            } else {
                throw bad();
            }
        }

        LocalTime time() {
            int hour = (int) digits(2, 2);
            expect(':');
            int minute = (int) digits(2, 2);
            int second = 0;
            int nanos = 0;
            if (pos < body.length() && body.charAt(pos) == ':') {
                pos++;
                second = (int) digits(2, 2);
                if (pos < body.length() && body.charAt(pos) == '.') {
                    pos++;
                    int start = pos;
                    digits(1, 9);
                    String f = (body.substring(start, pos) + "00000000").substring(0, 9);
                    nanos = Integer.parseInt(f);
                }
            }
            try {
                return LocalTime.of(hour, minute, second, nanos);
            } catch (DateTimeException e) {
                throw bad(e);
            }
        }

        ZoneOffset offset() {
            if (pos < body.length() && body.charAt(pos) == 'Z') {
                pos++;
                return ZoneOffset.UTC;
            }
            if (pos >= body.length() || (body.charAt(pos) != '+' && body.charAt(pos) != '-')) {
                throw bad();
            }
            int sign = body.charAt(pos++) == '-' ? -1 : 1;
            int hours = (int) digits(2, 2);
            int minutes = 0;
            int seconds = 0;
            if (pos < body.length() && body.charAt(pos) == ':') {
                pos++;
                minutes = (int) digits(2, 2);
                if (pos < body.length() && body.charAt(pos) == ':') {
                    pos++;
                    seconds = (int) digits(2, 2);
                }
            }
            try {
                return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
            } catch (DateTimeException e) {
                throw bad(e);
            }
        }

        void end() {
            if (pos != body.length()) {
                throw bad();
            }
        }

        private long digits(int min, int max) {
            int start = pos;
            while (pos < body.length() && pos - start < max && Character.isDigit(body.charAt(pos)) && body.charAt(pos) < 128) {
                pos++;
            }
            if (pos - start < min) {
                throw bad();
            }
            return Long.parseLong(body, start, pos, 10);
        }

        private void expect(char c) {
            if (pos >= body.length() || body.charAt(pos) != c) {
                throw bad();
            }
            pos++;
        }

        private IllegalArgumentException bad() {
            return bad(null);
        }

        private IllegalArgumentException bad(Exception cause) {
            return new IllegalArgumentException("invalid " + type + " text: \"" + text + "\"", cause);
        }
    }
}
