package io.pgrecord.types;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Dates and timestamps in the text form PostgreSQL prints with {@code DateStyle = ISO}:
 * {@code 2024-01-31}, {@code 2024-01-31 10:00:00.5}, {@code 2024-01-31 10:00:00+00} or
 * {@code +05:30}. The server's {@code infinity} and {@code -infinity} map to the {@code MAX} and
 * {@code MIN} of each Java type, as pgjdbc maps them.
 */
final class PgDateTimes {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendValue(HOUR_OF_DAY, 2).appendLiteral(':').appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter LOCAL_OUT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .appendValue(HOUR_OF_DAY, 2).appendLiteral(':').appendValue(MINUTE_OF_HOUR, 2)
            .appendLiteral(':').appendValue(SECOND_OF_MINUTE, 2)
            .appendFraction(NANO_OF_SECOND, 0, 9, true)
            .toFormatter();
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .append(LOCAL).parseLenient().appendOffset("+HH:mm:ss", "Z").toFormatter();
    private static final DateTimeFormatter OFFSET_OUT = new DateTimeFormatterBuilder()
            .append(LOCAL_OUT).appendOffset("+HH:mm:ss", "+00").toFormatter();

    private PgDateTimes() {
    }

    private static int infinity(String s) {
        return switch (s) {
            case "infinity", "+infinity" -> 1;
            case "-infinity" -> -1;
            default -> 0;
        };
    }

    static LocalDate parseDate(String s) {
        int inf = infinity(s);
        return inf > 0 ? LocalDate.MAX : inf < 0 ? LocalDate.MIN : LocalDate.parse(s);
    }

    static String formatDate(LocalDate d) {
        return d.equals(LocalDate.MAX) ? "infinity" : d.equals(LocalDate.MIN) ? "-infinity" : d.toString();
    }

    static LocalDateTime parseTimestamp(String s) {
        int inf = infinity(s);
        return inf > 0 ? LocalDateTime.MAX : inf < 0 ? LocalDateTime.MIN : LocalDateTime.parse(s, LOCAL);
    }

    static String formatTimestamp(LocalDateTime t) {
        return t.equals(LocalDateTime.MAX) ? "infinity" : t.equals(LocalDateTime.MIN) ? "-infinity" : LOCAL_OUT.format(t);
    }

    static OffsetDateTime parseTimestampTz(String s) {
        int inf = infinity(s);
        return inf > 0 ? OffsetDateTime.MAX : inf < 0 ? OffsetDateTime.MIN : OffsetDateTime.parse(s, OFFSET);
    }

    static String formatTimestampTz(OffsetDateTime t) {
        return t.equals(OffsetDateTime.MAX) ? "infinity" : t.equals(OffsetDateTime.MIN) ? "-infinity" : OFFSET_OUT.format(t);
    }

    /** The same instant at UTC, so equal instants compare equal; the infinities stay as they are. */
    static OffsetDateTime utc(OffsetDateTime t) {
        return t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
