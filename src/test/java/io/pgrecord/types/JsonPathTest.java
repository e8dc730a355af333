package io.pgrecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"$", "$.a", "$.\"a\"[*] ? (@ > 1)", "strict $.a.b", "$.a ? (@ like_regex \"^x(\")",
        "1 + 2", "$[last]", "$.a ? (@.b == \"]\")"})
    void keepsTheTextItWasGiven(String text) {
        JsonPath path = JsonPath.of(text);
        assertThat(path).hasToString(text).isEqualTo(JsonPath.of(text)).hasSameHashCodeAs(JsonPath.of(text));
        assertThat(path.text()).isEqualTo(text);
    }

    @Test
    void comparesByText() {
        assertThat(JsonPath.of("$.a")).isNotEqualTo(JsonPath.of("$.\"a\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "$.a[0", "$.a)", "$.a ? (@ == \"x)", "$[(1])"})
    void rejectsWhatCannotBeAPath(String text) {
        assertThatThrownBy(() -> JsonPath.of(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jsonpath").hasMessageContaining("\"" + text + "\"");
    }
}
