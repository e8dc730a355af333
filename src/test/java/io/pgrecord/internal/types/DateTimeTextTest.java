package io.pgrecord.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.error.DataException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.junit.jupiter.api.Test;

/** Dates and times in the server's text form, and the server's range; the server's side is DateTimeEdgesTest. */
class DateTimeTextTest {

    @Test
    void writesBcYearsAndYearsPast9999AsTheServerDoes() {
        assertThat(DateTimeText.formatDate(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(DateTimeText.formatDate(LocalDate.of(-43, 3, 15))).isEqualTo("0044-03-15 BC");
        assertThat(DateTimeText.formatDate(LocalDate.of(0, 12, 31))).isEqualTo("0001-12-31 BC");
        assertThat(DateTimeText.formatDate(LocalDate.of(10000, 1, 1))).isEqualTo("10000-01-01");
        assertThat(DateTimeText.formatDate(LocalDate.of(5874897, 12, 31))).isEqualTo("5874897-12-31");
        assertThat(DateTimeText.formatDate(LocalDate.MAX)).isEqualTo("infinity");
        assertThat(DateTimeText.formatDate(LocalDate.MIN)).isEqualTo("-infinity");
        assertThat(DateTimeText.formatTimestamp(LocalDateTime.of(-43, 3, 15, 1, 2, 3, 450_000_000))).isEqualTo("0044-03-15 01:02:03.45 BC");
        // rounded half up to microseconds, across midnight and the era
        assertThat(DateTimeText.formatTimestamp(LocalDateTime.of(0, 12, 31, 23, 59, 59, 999_999_500))).isEqualTo("0001-01-01 00:00:00");
        assertThat(DateTimeText.formatTimestampTz(OffsetDateTime.of(-43, 3, 15, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))))
                .isEqualTo("0044-03-15 12:00:00+05:30 BC");
        assertThat(DateTimeText.formatInstant(Instant.parse("+10000-01-01T00:00:00.000001Z"))).isEqualTo("10000-01-01 00:00:00.000001+00");
        assertThat(DateTimeText.formatInstant(Instant.MIN)).isEqualTo("-infinity");
    }

    @Test
    void readsTheServersOutput() {
        assertThat(DateTimeText.parseDate("0044-03-15 BC")).isEqualTo(LocalDate.of(-43, 3, 15));
        assertThat(DateTimeText.parseDate("10000-01-01")).isEqualTo(LocalDate.of(10000, 1, 1));
        assertThat(DateTimeText.parseDate("infinity")).isEqualTo(LocalDate.MAX);
        assertThat(DateTimeText.parseDate("-infinity")).isEqualTo(LocalDate.MIN);
        assertThat(DateTimeText.parseTimestamp("4714-11-24 00:00:00 BC")).isEqualTo(LocalDateTime.of(-4713, 11, 24, 0, 0));
        assertThat(DateTimeText.parseTimestamp("294276-12-31 23:59:59.999999")).isEqualTo(LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(DateTimeText.parseTimestamp("2024-01-01T10:00")).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
        assertThat(DateTimeText.parseTimestampTz("0044-03-15 01:02:00+00 BC")).isEqualTo(OffsetDateTime.of(-43, 3, 15, 1, 2, 0, 0, ZoneOffset.UTC));
        assertThat(DateTimeText.parseTimestampTz("1900-01-01 00:00:00+00:53:28"))
                .isEqualTo(OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(0, 53, 28)));
        assertThat(DateTimeText.parseTimestampTz("2024-01-01 10:00:00-08")).isEqualTo(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(-8)));
        assertThat(DateTimeText.parseInstant("infinity")).isEqualTo(Instant.MAX);
        // java.time's own text of a BC or far date is read too
        assertThat(DateTimeText.parseDate("-0043-03-15")).isEqualTo(LocalDate.of(-43, 3, 15));
        assertThat(DateTimeText.parseDate("+10000-01-01")).isEqualTo(LocalDate.of(10000, 1, 1));
        for (String bad : new String[] {"", "2024-1-01", "24-01-01", "2024-02-30", "2024-01-01 BC BC", "-0044-03-15 BC", "2024-01-01x"}) {
            assertThatThrownBy(() -> DateTimeText.parseDate(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> DateTimeText.parseTimestampTz("2024-01-01 10:00:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServersRangeWithMaxAndMinAsTheInfinities() {
        assertThat(DateTimeText.checkDate("d", LocalDate.of(-4713, 11, 24))).isNotNull();
        assertThat(DateTimeText.checkDate("d", LocalDate.MAX)).isEqualTo(LocalDate.MAX);
        assertThatThrownBy(() -> DateTimeText.checkDate("d", LocalDate.of(-4713, 11, 23))).isInstanceOf(DataException.class)
                .hasMessageContaining("date out of range").hasMessageContaining("for d");
        assertThatThrownBy(() -> DateTimeText.checkDate("d", LocalDate.of(5874898, 1, 1))).isInstanceOf(DataException.class);
        assertThat(DateTimeText.checkTimestamp("t", LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_499))).isNotNull();
        assertThatThrownBy(() -> DateTimeText.checkTimestamp("t", LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_500)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> DateTimeText.checkTimestampTz("t", OffsetDateTime.of(-4713, 11, 24, 0, 0, 0, 0, ZoneOffset.ofHours(1))))
                .isInstanceOf(DataException.class);
        assertThat(DateTimeText.checkTimestampTz("t", OffsetDateTime.of(-4713, 11, 24, 0, 0, 0, 0, ZoneOffset.ofHours(-1)))).isNotNull();
        assertThatThrownBy(() -> DateTimeText.checkInstant("t", Instant.MAX.minusNanos(1))).isInstanceOf(DataException.class);
    }

    @Test
    void theDatesTheDriversWouldMakeMinusInfinityGoAsText() {
        assertThat(DateTimeText.forDriver(LocalDate.of(-4712, 1, 1))).isEqualTo(LocalDate.of(-4712, 1, 1));
        assertThat(DateTimeText.forDriver(LocalDate.of(-4713, 12, 31))).isEqualTo("4714-12-31 BC");
        assertThat(DateTimeText.forDriver(LocalDate.MIN)).isEqualTo(LocalDate.MIN);
        assertThat(DateTimeText.forDriver(LocalDateTime.of(-4713, 11, 24, 0, 0))).isEqualTo("4714-11-24 00:00:00 BC");
        assertThat(DateTimeText.forDriver(OffsetDateTime.of(-4712, 1, 1, 0, 30, 0, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("4713-01-01 00:30:00+01:00 BC");
        assertThat(DateTimeText.forDriver(OffsetDateTime.MIN)).isEqualTo(OffsetDateTime.MIN);
    }

    @Test
    void rangesQuoteTheirBoundsAndReadTheServersText() {
        LocalDateRange bc = LocalDateRange.localDateRange(LocalDate.of(-43, 3, 15), LocalDate.of(10000, 1, 1));
        assertThat(RangeText.print(bc, DateTimeText::formatDate)).isEqualTo("[\"0044-03-15 BC\",\"10000-01-01\")");
        assertThat(RangeText.print(LocalDateRange.localDateRange(null, LocalDate.MAX), DateTimeText::formatDate)).isEqualTo("(,\"infinity\")");
        RangeText.Factory<LocalDateRange> make = (lo, li, hi, hu) -> LocalDateRange.localDateRange((LocalDate) lo, li, (LocalDate) hi, hu);
        LocalDateRange empty = LocalDateRange.localDateRange(LocalDate.EPOCH, LocalDate.EPOCH);
        assertThat(RangeText.parse("daterange", "[\"0044-03-15 BC\",10000-01-01)", DateTimeText::parseDate, make, empty)).isEqualTo(bc);
        assertThat(RangeText.parse("daterange", "[9999-01-01,10000-01-01)", DateTimeText::parseDate, make, empty))
                .isEqualTo(LocalDateRange.localDateRange(LocalDate.of(9999, 1, 1), true, LocalDate.of(9999, 12, 31), true));
        LocalDateRange toInfinity = RangeText.parse("daterange", "(,infinity)", DateTimeText::parseDate, make, empty);
        assertThat(toInfinity.lower()).isNull();
        assertThat(toInfinity.upper()).isEqualTo(LocalDate.MAX);
        assertThat(RangeText.parse("daterange", "empty", DateTimeText::parseDate, make, empty)).isSameAs(empty);
        for (String bad : new String[] {"[2024-01-01,", "2024-01-01,2024-02-01", "[\"2024-01-01,2024-02-01)", "[x,y)", "[2024-01-01,2024-02-01))"}) {
            assertThatThrownBy(() -> RangeText.parse("daterange", bad, DateTimeText::parseDate, make, empty)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("daterange");
        }
    }
}
