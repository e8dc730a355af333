package io.pgrecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** tsvector and tsquery normalise as the server does; PgTypesRoundTripTest compares with the server. */
class TextSearchTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
        "b:2,1A a:3 a:1B,3C 'x y' z => 'a':1B,3C 'b':1A,2 'x y' 'z'",
        "a:1*                       => 'a':1A",
        "a:20000                    => 'a':16383",
        "ab a aa b                  => 'a' 'aa' 'ab' 'b'",
        "'a'b                       => 'a' 'b'",
        "don't                      => 'don''t'",
        "a\\ b                      => 'a b'",
        "'x\\'y'                    => 'x''y'",
        "'it''s'                    => 'it''s'",
        "é e f                      => 'e' 'f' 'é'",
        "a:3,1,2,1                  => 'a':1,2,3",
        "a:1a,1d                    => 'a':1A",
        "back\\\\slash              => 'back\\\\slash'",
    })
    void tsVectorNormalisesLikeTheServer(String input, String canonical) {
        TsVector v = TsVector.parse(input);
        assertThat(v).hasToString(canonical);
        assertThat(TsVector.parse(canonical)).isEqualTo(v).hasSameHashCodeAs(v);
    }

    @Test
    void tsVectorLexemes() {
        assertThat(TsVector.parse("the:1 fat:2 cat:3 fat:4").lexemes()).containsExactly("cat", "fat", "the");
        assertThat(TsVector.parse("").isEmpty()).isTrue();
        assertThat(TsVector.parse("  ")).hasToString("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:0", "a:", "a:1,", "a:1X", "a:1AB", "'unterminated", "''", "a\\", "'a':x"})
    void tsVectorRejectsMalformedText(String text) {
        assertThatThrownBy(() -> TsVector.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tsvector").hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void tsVectorRejectsOverlongWords() {
        assertThatThrownBy(() -> TsVector.parse("x".repeat(2047))).hasMessageContaining("too long");
        assertThat(TsVector.parse("x".repeat(2046)).lexemes()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
        "a<->b                => 'a' <-> 'b'",
        "a & b & c            => 'a' & 'b' & 'c'",
        "a & (b & c)          => 'a' & 'b' & 'c'",
        "a | b & c            => 'a' | 'b' & 'c'",
        "(a | b) & c          => ( 'a' | 'b' ) & 'c'",
        "!a & !(b|c)          => !'a' & !( 'b' | 'c' )",
        "a <-> (b <-> c)      => 'a' <-> ( 'b' <-> 'c' )",
        "(a <-> b) <-> c      => 'a' <-> 'b' <-> 'c'",
        "a <2> b <1> c        => 'a' <2> 'b' <-> 'c'",
        "a:*AB & b:ba*        => 'a':*AB & 'b':*AB",
        "'it''s' & x\\y       => 'it''s' & 'xy'",
        "!!a                  => !!'a'",
        "!(a & b)             => !( 'a' & 'b' )",
        "a <0> b              => 'a' <0> 'b'",
        "!a <-> b             => !'a' <-> 'b'",
        "a & !b <-> c         => 'a' & !'b' <-> 'c'",
        "'a b'                => 'a b'",
        "((a))                => 'a'",
        "a:dcba               => 'a':ABCD",
    })
    void tsQueryNormalisesLikeTheServer(String input, String canonical) {
        TsQuery q = TsQuery.parse(input);
        assertThat(q).hasToString(canonical);
        assertThat(TsQuery.parse(canonical)).isEqualTo(q).hasSameHashCodeAs(q);
    }

    @Test
    void emptyTsQuery() {
        assertThat(TsQuery.parse("  ").isEmpty()).isTrue();
        assertThat(TsQuery.parse("")).hasToString("").isEqualTo(TsQuery.parse(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a &", "& a", "a & & b", "(a", "a)", "()", "a <-", "a <x> b", "a <16385> b",
        ":a", "'a'b", "!", "a | | b", "'open"})
    void tsQueryRejectsMalformedText(String text) {
        assertThatThrownBy(() -> TsQuery.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tsquery").hasMessageContaining("\"" + text + "\"");
    }
}
