package io.pgrecord.internal.types;

import io.pgrecord.error.MappingException;
import java.time.Duration;
import org.jooq.Converter;
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
 * that fails with a {@link MappingException} telling to use {@code YearToSecond}. A Duration is
 * written as a pure time interval ({@code 36:00:00}, never {@code 1 day 12:00:00}), which the
 * server compares equal to the day form. The server keeps microseconds and rounds finer parts.
 *
 * <p><b>YearToSecond.</b> Years and months stay exact. jOOQ folds hours into days, so days and
 * time come back as one signed day-to-second part: {@code 1 day -01:00:00} reads as
 * {@code +0 23:00:00}, which the server compares equal.
 */
final class IntervalTypes {

    static final DataType<Duration> DURATION = SQLDataType.VARCHAR.asConvertedDataType(
            new TextBinding<>("interval", Converter.ofNullable(String.class, Duration.class,
                    IntervalTypes::duration, IntervalTypes::text)));

    static final DataType<YearToSecond> YEAR_TO_SECOND = SQLDataType.VARCHAR.asConvertedDataType(
            new TextBinding<>("interval", Converter.ofNullable(String.class, YearToSecond.class,
                    IntervalTypes::yearToSecond, IntervalTypes::text)));

    private IntervalTypes() {
    }

    static Duration duration(String text) {
        PgInterval v = IntervalText.parse(text);
        if (v.months() != 0) {
            throw new MappingException("interval '" + text + "' has a month or year part, which has no fixed length"
                    + " and cannot be a java.time.Duration; map the field as org.jooq.types.YearToSecond");
        }
        return Duration.ofDays(v.days()).plusNanos(Math.multiplyExact(v.micros(), 1000L));
    }

    static String text(Duration d) {
        Duration abs = d.abs();
        return PgInterval.input(0, 0, d.isNegative(), abs.toHours(), abs.toMinutesPart(), abs.toSecondsPart(), abs.toNanosPart());
    }

    static YearToSecond yearToSecond(String text) {
        PgInterval v = IntervalText.parse(text);
        long m = Math.abs(v.months());
        YearToMonth ytm = new YearToMonth(Math.toIntExact(m / 12), (int) (m % 12));
        long days = v.days();
        long micros = v.micros();
        if (Long.signum(days) * Long.signum(micros) < 0) {
            micros = Math.addExact(Math.multiplyExact(days, PgInterval.MICROS_PER_DAY), micros);
            days = 0;
        }
        boolean negative = days < 0 || micros < 0;
        long absMicros = Math.abs(micros);
        long hours = absMicros / 3_600_000_000L;
        DayToSecond dts = new DayToSecond(Math.toIntExact(Math.abs(days) + hours / 24), (int) (hours % 24),
                (int) (absMicros / 60_000_000L % 60), (int) (absMicros / 1_000_000L % 60), (int) (absMicros % 1_000_000L) * 1000);
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
