package io.pgrecord.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers print as PostgreSQL 12+ prints float8 (checked against the server in PgTypesRoundTripTest). */
class PgFloatTest {

    @ParameterizedTest
    @CsvSource({
        "1, 1", "-2.5, -2.5", "0.1, 0.1", "1e15, 1e+15", "123456789012345, 123456789012345",
        "0.0001, 0.0001", "0.00001, 1e-05", "1.5e300, 1.5e+300", "1e-320, 1e-320", "-0.0, -0",
        "0, 0", "NaN, NaN", "Infinity, Infinity", "-Infinity, -Infinity", "100, 100", "1.25e-7, 1.25e-07"
    })
    void formatsLikePostgres(double value, String text) {
        assertThat(PgFloat.format(value)).isEqualTo(text);
        assertThat(PgFloat.parse(text)).isEqualTo(Double.valueOf(value));
    }

    @ParameterizedTest
    @CsvSource({"x", "1.2.3", "1e", "''", "0x10", "1e400", "1e-400", "1d"})
    void rejectsWhatTheServerRejects(String text) {
        assertThat(PgFloat.parse(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"inf, Infinity", "-INF, -Infinity", "+3, 3", ".5, 0.5", "5., 5", " 2 , 2"})
    void readsTheServersOtherSpellings(String text, double value) {
        assertThat(PgFloat.parse(text)).isEqualTo(value);
    }
}
