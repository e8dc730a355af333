package io.pgrecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.postgres.extensions.types.BigDecimalRange.bigDecimalRange;
import static org.jooq.postgres.extensions.types.IntegerRange.integerRange;
import static org.jooq.postgres.extensions.types.LocalDateRange.localDateRange;
import static org.jooq.postgres.extensions.types.LocalDateTimeRange.localDateTimeRange;
import static org.jooq.postgres.extensions.types.LongRange.longRange;
import static org.jooq.postgres.extensions.types.OffsetDateTimeRange.offsetDateTimeRange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.postgres.extensions.types.BigDecimalRange;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.jooq.postgres.extensions.types.LocalDateTimeRange;
import org.jooq.postgres.extensions.types.LongRange;
import org.jooq.postgres.extensions.types.OffsetDateTimeRange;
import org.jooq.postgres.extensions.types.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultiRangeTest {

    @Test
    void ofNormalisesLikeTheServer() {
        MultiRange<IntegerRange> m = MultiRange.of(
                integerRange(20, true, null, false),
                integerRange(10, false, 12, true),
                integerRange(3, true, 7, false),
                integerRange(1, true, 3, true),
                integerRange(30, true, 30, false));
        assertThat(m).hasToString("{[1,7),[11,13),[20,)}");
        assertThat(m.ranges()).containsExactly(integerRange(1, true, 7, false), integerRange(11, true, 13, false),
                integerRange(20, true, null, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{[1,3],[3,7),(10,12],[20,)}      | {[1,7),[11,13),[20,)}",
        "{(,5), [2,8)}                    | {(,8)}",
        "{empty}                          | {}",
        "{}                               | {}",
        " { [1,3) , [5,7) } \t            | {[1,3),[5,7)}",
        "{[5,7),[1,3)}                    | {[1,3),[5,7)}",
        "{[1,1]}                          | {[1,2)}",
        "{[1,1)}                          | {}",
        "{(,)}                            | {(,)}",
        "{[\"1\",\"3\")}                  | {[1,3)}",
    })
    void parsesInt4Text(String text, String canonical) {
        MultiRange<IntegerRange> m = MultiRange.parse(text, IntegerRange.class);
        assertThat(m).hasToString(canonical).isEqualTo(MultiRange.parse(canonical, IntegerRange.class));
    }

    @Test
    void everyRangeTypeRoundTripsItsServerText() {
        roundTrip("{[1,3),[5,7)}", LongRange.class, longRange(1L, true, 3L, false), longRange(5L, true, 7L, false));
        roundTrip("{[1.50,2.0],(3,)}", BigDecimalRange.class,
                bigDecimalRange(new BigDecimal("1.50"), true, new BigDecimal("2.0"), true), bigDecimalRange(new BigDecimal("3"), false, null, false));
        roundTrip("{[2024-01-01,2024-02-01),[2024-03-01,infinity)}", LocalDateRange.class,
                localDateRange(LocalDate.of(2024, 1, 1), true, LocalDate.of(2024, 2, 1), false),
                localDateRange(LocalDate.of(2024, 3, 1), true, LocalDate.MAX, false));
        roundTrip("{[\"2024-01-01 10:00:00\",\"2024-01-01 12:00:00.5\")}", LocalDateTimeRange.class,
                localDateTimeRange(LocalDateTime.parse("2024-01-01T10:00"), true, LocalDateTime.parse("2024-01-01T12:00:00.5"), false));
        roundTrip("{[\"2024-01-01 10:00:00+00\",infinity)}", OffsetDateTimeRange.class,
                offsetDateTimeRange(OffsetDateTime.parse("2024-01-01T10:00Z"), true, OffsetDateTime.MAX, false));
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the generic varargs array is only read
    private static <R extends Range<?>> void roundTrip(String text, Class<R> type, R... ranges) {
        MultiRange<R> m = MultiRange.parse(text, type);
        assertThat(m).hasToString(text).isEqualTo(MultiRange.of(ranges)).hasSameHashCodeAs(MultiRange.of(ranges));
        assertThat(m.ranges()).containsExactly(ranges);
    }

    @Test
    void tstzBoundsCompareByInstant() {
        MultiRange<OffsetDateTimeRange> a = MultiRange.parse("{[\"2024-01-01 12:00:00+02\",\"2024-01-01 17:30:00+05:30\")}", OffsetDateTimeRange.class);
        MultiRange<OffsetDateTimeRange> b = MultiRange.of(offsetDateTimeRange(
                OffsetDateTime.parse("2024-01-01T10:00Z"), true, OffsetDateTime.parse("2024-01-01T12:00Z"), false));
        assertThat(a).isEqualTo(b).hasToString("{[\"2024-01-01 10:00:00+00\",\"2024-01-01 12:00:00+00\")}");
    }

    @Test
    void continuousRangesMergeOnlyWhenTheyTouch() {
        MultiRange<BigDecimalRange> m = MultiRange.of(
                bigDecimalRange(BigDecimal.ONE, true, new BigDecimal(3), false),
                bigDecimalRange(new BigDecimal(3), false, new BigDecimal(5), false));
        assertThat(m).hasToString("{[1,3),(3,5)}");
        assertThat(MultiRange.of(
                bigDecimalRange(BigDecimal.ONE, true, new BigDecimal(3), false),
                bigDecimalRange(new BigDecimal(3), true, new BigDecimal(5), false))).hasToString("{[1,5)}");
    }

    @Test
    void emptyIsEmptyWhateverTheRangeType() {
        assertThat(MultiRange.empty()).hasToString("{}").isEqualTo(MultiRange.of());
        assertThat(MultiRange.<IntegerRange>empty().isEmpty()).isTrue();
        assertThat(MultiRange.parse("{}", LongRange.class)).isEqualTo(MultiRange.parse("{}", IntegerRange.class));
        assertThat(MultiRange.of(integerRange(1, true, 1, false))).isEqualTo(MultiRange.empty());
    }

    @Test
    void rangesAreUnmodifiable() {
        List<IntegerRange> ranges = MultiRange.of(integerRange(1, 2)).ranges();
        assertThatThrownBy(() -> ranges.add(integerRange(3, 4))).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,3)", "{[1,3)", "{[1,3)} x", "{[1,x)}", "{[1,3),}", "{[1;3)}", "{[3,1)}", "{[1,3}", "",
        "{[1,2147483648)}"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> MultiRange.parse(text, IntegerRange.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("int4multirange");
    }

    @Test
    void malformedTextIsQuotedInTheMessage() {
        assertThatThrownBy(() -> MultiRange.parse("{[1,x)}", IntegerRange.class))
                .hasMessage("invalid input syntax for type int4multirange: \"{[1,x)}\": \"x\" is not a valid bound");
    }

    @Test
    void rejectsInvertedAndMixedRanges() {
        assertThatThrownBy(() -> MultiRange.of(integerRange(3, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower bound must be less than or equal to");
        assertThatThrownBy(() -> MultiRange.copyOf(List.<Range<?>>of(integerRange(1, 2), longRange(1L, 2L))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one range type");
        assertThatThrownBy(() -> MultiRange.of(integerRange(1, true, Integer.MAX_VALUE, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }
}
