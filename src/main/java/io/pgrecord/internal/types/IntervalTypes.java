package io.pgrecord.internal.types;

import io.pgrecord.error.DataException;
import io.pgrecord.error.MappingException;
import io.pgrecord.error.ServerErrorFields;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;
import org.jooq.types.DayToSecond;
import org.jooq.types.YearToMonth;
import org.jooq.types.YearToSecond;

/**
 * {@code interval} as {@link Duration} or as jOOQ's {@link YearToSecond}, through the interval's
 * text form on both backends (jOOQ's own interval binding misreads mixed-sign intervals and
 * every {@code IntervalStyle} but {@code postgres}).
 *
 * <p><b>Duration.</b> A day counts as 24 hours, as {@code Duration.toDays()} has it. A month has no
 * fixed length, so an interval with a month or year part does not read into a {@code Duration}:
 * that fails with a {@link MappingException} telling to use {@code YearToSecond}. Every other
 * finite interval reads back, up to 2^31 days plus 2^63 microseconds either way. A Duration is
 * written as a pure time interval ({@code 36:00:00}, never {@code 1 day 12:00:00}), which the
 * server compares equal to the day form; that time part holds ±(2^63-1) microseconds, about
 * 292,000 years, and a longer Duration is refused before any SQL ({@link #check}). The server
 * keeps microseconds and rounds finer parts.
 *
 * <p><b>YearToSecond.</b> Years and months stay exact. jOOQ folds hours into days, so days and
 * time come back as one signed day-to-second part: {@code 1 day -01:00:00} reads as
 * {@code +0 23:00:00}, which the server compares equal.
 */
final class IntervalTypes {

    static final DataType<Duration> DURATION = SQLDataType.VARCHAR.asConvertedDataType(
            TextBinding.of("interval", PlainConverter.of(String.class, Duration.class,
                    IntervalTypes::duration, IntervalTypes::text)));

    static final DataType<YearToSecond> YEAR_TO_SECOND = SQLDataType.VARCHAR.asConvertedDataType(
            TextBinding.of("interval", PlainConverter.of(String.class, YearToSecond.class,
                    IntervalTypes::yearToSecond, IntervalTypes::text)));

    private IntervalTypes() {
    }

    /** The longest Duration a bind can carry: the server keeps an interval's time part in 64-bit microseconds. */
    static final Duration MAX = Duration.of(Long.MAX_VALUE, ChronoUnit.MICROS);
    /** The server reads no text for a time of Long.MIN_VALUE microseconds, though it can hold one. */
    static final Duration MIN = MAX.negated();

    /**
     * Refuses, before any SQL, a Duration whose time the server's interval cannot hold (about
     * 292,000 years either way): {@link #text(Duration)} writes it as hours, minutes and seconds.
     */
    static Duration check(String column, Duration d) {
        if (d.compareTo(MAX) > 0 || d.compareTo(MIN) < 0) {
            String message = "interval out of range: " + d + " for " + column + "; a Duration is written as the time part of"
                    + " an interval, which the server reads from -2562047788:00:54.775807 to 2562047788:00:54.775807 (about 292,000 years)";
            throw new DataException(message, ServerErrorFields.of("22008", message), null);
        }
        return d;
    }

    /**
     * Every finite interval without months: days (32 bits) and time (64-bit microseconds) add up
     * exactly in a Duration's seconds and nanoseconds, however far past 292 years.
     */
    static Duration duration(String text) {
        PgInterval v = parse(text, "a java.time.Duration");
        if (v.months() != 0) {
            throw new MappingException("interval '" + text + "' has a month or year part, which has no fixed length"
                    + " and cannot be a java.time.Duration; map the field as org.jooq.types.YearToSecond");
        }
        return Duration.ofDays(v.days()).plus(micros(v.micros()));
    }

    private static Duration micros(long micros) {
        return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** An interval's text, read; infinite intervals (PostgreSQL 17+) have no Java value here. */
    private static PgInterval parse(String text, String target) {
        String t = text.strip();
        if (t.equals("infinity") || t.equals("-infinity")) {
            throw new MappingException("interval '" + t + "' has no finite length and cannot be " + target);
        }
        return IntervalText.parse(t);
    }

    static String text(Duration d) {
        check("an interval", d);
        Duration abs = d.abs();
        return PgInterval.input(0, 0, d.isNegative(), abs.toHours(), abs.toMinutesPart(), abs.toSecondsPart(), abs.toNanosPart());
    }

    static YearToSecond yearToSecond(String text) {
        PgInterval v = parse(text, "an org.jooq.types.YearToSecond");
        long m = Math.abs(v.months());
        YearToMonth ytm = new YearToMonth(Math.toIntExact(m / 12), (int) (m % 12));
        // days and time as one signed length: jOOQ's DayToSecond has one sign for both
        Duration length = Duration.ofDays(v.days()).plus(micros(v.micros()));
        boolean negative = length.isNegative();
        Duration abs = length.abs();
        long days = abs.toDays();
        if (days > Integer.MAX_VALUE) {
            throw new MappingException("interval '" + text + "' has " + (negative ? "-" : "") + days
                    + " days, more than org.jooq.types.YearToSecond holds (" + Integer.MAX_VALUE + ")");
        }
        DayToSecond dts = new DayToSecond((int) days, abs.toHoursPart(), abs.toMinutesPart(), abs.toSecondsPart(), abs.toNanosPart());
        return new YearToSecond(v.months() < 0 ? ytm.neg() : ytm, negative ? dts.neg() : dts);
    }

    static String text(YearToSecond v) {
        YearToMonth ytm = v.getYearToMonth();
        DayToSecond dts = v.getDayToSecond();
        long months = (long) ytm.getSign() * (ytm.getYears() * 12L + ytm.getMonths());
        long days = (long) dts.getSign() * dts.getDays();
        return PgInterval.input(months, days, dts.getSign() < 0, dts.getHours(), dts.getMinutes(), dts.getSeconds(), dts.getNano());
    }
}
