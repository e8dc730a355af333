package io.pgrecord.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.error.MappingException;
import java.time.Duration;
import org.jooq.types.YearToSecond;
import org.junit.jupiter.api.Test;

/** Interval output in each IntervalStyle, as the server prints it; IntervalStyleTest checks the server agrees. */
class IntervalTextTest {

    /** -1 year -2 mons +3 days -04:05:06.000007 in the four styles. */
    private static final PgInterval MIXED = new PgInterval(-14, 3, -(4 * 3600 + 5 * 60 + 6) * 1_000_000L - 7);

    @Test
    void readsEveryStyle() {
        assertThat(IntervalText.parse("-1 years -2 mons +3 days -04:05:06.000007")).isEqualTo(MIXED);
        assertThat(IntervalText.parse("@ 1 year 2 mons -3 days 4 hours 5 mins 6.000007 secs ago")).isEqualTo(MIXED);
        assertThat(IntervalText.parse("-1-2 +3 -4:05:06.000007")).isEqualTo(MIXED);
        assertThat(IntervalText.parse("P-1Y-2M3DT-4H-5M-6.000007S")).isEqualTo(MIXED);
    }

    @Test
    void aLoneLeadingSignCoversEveryPartInSqlStandard() {
        assertThat(IntervalText.parse("-3 4:05:06")).isEqualTo(new PgInterval(0, -3, -(4 * 3600 + 5 * 60 + 6) * 1_000_000L));
        assertThat(IntervalText.parse("-1-2")).isEqualTo(new PgInterval(-14, 0, 0));
        assertThat(IntervalText.parse("0")).isEqualTo(new PgInterval(0, 0, 0));
    }

    @Test
    void readsZeroAndHugeValues() {
        assertThat(IntervalText.parse("00:00:00")).isEqualTo(new PgInterval(0, 0, 0));
        assertThat(IntervalText.parse("@ 0")).isEqualTo(new PgInterval(0, 0, 0));
        assertThat(IntervalText.parse("PT0S")).isEqualTo(new PgInterval(0, 0, 0));
        assertThat(IntervalText.parse("-00:00:00.5")).isEqualTo(new PgInterval(0, 0, -500_000));
        assertThat(IntervalText.parse("2562047788:00:54.775807")).isEqualTo(new PgInterval(0, 0, Long.MAX_VALUE));
        // PostgreSQL 12 to 14 print -2^31 hours with a doubled sign
        assertThat(IntervalText.parse("-2147483648 days --2147483648:00:00"))
                .isEqualTo(new PgInterval(0, Integer.MIN_VALUE, -2147483648L * 3_600_000_000L));
        assertThat(IntervalText.parse("-178000000 years")).isEqualTo(new PgInterval(-178000000L * 12, 0, 0));
    }

    @Test
    void writesEveryPartWithItsOwnSign() {
        assertThat(MIXED.input()).isEqualTo("-14 mons +3 days -4:05:06.000007");
        assertThat(IntervalTypes.text(Duration.ofHours(36).plusNanos(5))).isEqualTo("+0 mons +0 days +36:00:00.000000005");
        assertThat(IntervalTypes.text(Duration.ofMillis(-1500))).isEqualTo("+0 mons +0 days -0:00:01.5");
        assertThat(IntervalTypes.text(YearToSecond.valueOf("-1-2 +3 04:05:06.000007"))).isEqualTo("-14 mons +3 days +4:05:06.000007");
    }

    @Test
    void durationsCountDaysAsTwentyFourHoursAndRefuseMonths() {
        assertThat(IntervalTypes.duration("1 day -01:00:00")).isEqualTo(Duration.ofHours(23));
        assertThat(IntervalTypes.duration("P2D")).isEqualTo(Duration.ofDays(2));
        assertThatThrownBy(() -> IntervalTypes.duration("1 mon")).isInstanceOf(MappingException.class)
                .hasMessageContaining("'1 mon'").hasMessageContaining("YearToSecond");
    }

    @Test
    void yearToSecondKeepsMonthsAndFoldsMixedDayAndTimeSigns() {
        assertThat(IntervalTypes.yearToSecond("-1 years -2 mons +3 days 04:05:06.000007"))
                .isEqualTo(YearToSecond.valueOf("-1-2 +3 04:05:06.000007"));
        assertThat(IntervalTypes.yearToSecond("1 day -01:00:00")).isEqualTo(YearToSecond.valueOf("+0-0 +0 23:00:00"));
        assertThat(IntervalTypes.yearToSecond("-3 days -00:00:01")).isEqualTo(YearToSecond.valueOf("+0-0 -3 00:00:01"));
    }

    @Test
    void readsTheLongestTimePartsInEveryStyle() {
        PgInterval min = new PgInterval(0, -2147483648L, Long.MIN_VALUE);
        assertThat(IntervalText.parse("-2147483648 days -2562047788:00:54.775808")).isEqualTo(min);
        assertThat(IntervalText.parse("@ 2147483648 days 2562047788 hours 54.775808 secs ago")).isEqualTo(min);
        assertThat(IntervalText.parse("-2147483648 -2562047788:00:54.775808")).isEqualTo(min);
        assertThat(IntervalText.parse("P-2147483648DT-2562047788H-54.775808S")).isEqualTo(min);
        PgInterval max = new PgInterval(0, 2147483647L, Long.MAX_VALUE);
        assertThat(IntervalText.parse("2147483647 days 2562047788:00:54.775807")).isEqualTo(max);
        assertThat(IntervalText.parse("@ 2147483647 days 2562047788 hours 54.775807 secs")).isEqualTo(max);
        assertThat(IntervalText.parse("+2147483647 +2562047788:00:54.775807")).isEqualTo(max);
        assertThat(IntervalText.parse("P2147483647DT2562047788H54.775807S")).isEqualTo(max);
        // a part past 64 bits is not the server's output: refused, not wrapped around
        assertThatThrownBy(() -> IntervalText.parse("2562047788:00:54.775808")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsHoldEveryIntervalWithoutMonths() {
        Duration longest = Duration.of(Long.MAX_VALUE, java.time.temporal.ChronoUnit.MICROS);
        assertThat(IntervalTypes.duration("2147483647 days 2562047788:00:54.775807"))
                .isEqualTo(Duration.ofDays(Integer.MAX_VALUE).plus(longest));
        assertThat(IntervalTypes.duration("-2147483648 days -2562047788:00:54.775808"))
                .isEqualTo(Duration.ofDays(Integer.MIN_VALUE).plus(Duration.of(Long.MIN_VALUE, java.time.temporal.ChronoUnit.MICROS)));
        assertThat(IntervalTypes.duration("2628000:00:00.000001")).isEqualTo(Duration.ofDays(365L * 300).plusNanos(1000));
        assertThatThrownBy(() -> IntervalTypes.duration("infinity")).isInstanceOf(MappingException.class).hasMessageContaining("infinity");
        // written back as time: up to 2^63-1 microseconds either way, and refused past that before any SQL
        assertThat(IntervalTypes.text(longest)).isEqualTo("+0 mons +0 days +2562047788:00:54.775807");
        assertThat(IntervalTypes.text(longest.negated())).isEqualTo("+0 mons +0 days -2562047788:00:54.775807");
        assertThatThrownBy(() -> IntervalTypes.text(longest.plusNanos(1000))).isInstanceOf(io.pgrecord.error.DataException.class)
                .hasMessageContaining("interval out of range");
        assertThatThrownBy(() -> IntervalTypes.text(longest.negated().minusNanos(1000))).isInstanceOf(io.pgrecord.error.DataException.class);
    }

    @Test
    void yearToSecondSaysWhenItsDaysOverflow() {
        assertThat(IntervalTypes.yearToSecond("-178000000 years -2147483647 days"))
                .isEqualTo(new YearToSecond(new org.jooq.types.YearToMonth(178000000, 0).neg(), new org.jooq.types.DayToSecond(Integer.MAX_VALUE).neg()));
        assertThatThrownBy(() -> IntervalTypes.yearToSecond("2147483647 days 2562047788:00:54.775807"))
                .isInstanceOf(MappingException.class).hasMessageContaining("YearToSecond");
    }

    @Test
    void rejectsText() {
        assertThatThrownBy(() -> IntervalText.parse("soon")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"soon\"");
    }
}
