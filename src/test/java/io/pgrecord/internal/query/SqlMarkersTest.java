package io.pgrecord.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.internal.exec.SqlText;
import org.junit.jupiter.api.Test;

/** Counting the bind markers of SQL text, to refuse binds that jOOQ would drop. */
class SqlMarkersTest {

    @Test
    void markersOutsideQuotesAndCommentsAreCounted() {
        assertThat(SqlText.bindMarkers("name = ? AND score > ?")).isEqualTo(2);
        assertThat(SqlText.bindMarkers("name = '?' AND note = 'it''s ?' AND x = ?")).isEqualTo(1);
        assertThat(SqlText.bindMarkers("\"odd?col\" = ? -- a comment?\n AND y = ? /* ? */")).isEqualTo(2);
        assertThat(SqlText.bindMarkers("body = $$ ? $$ AND t = $tag$ ?? $tag$ AND z = ?")).isEqualTo(1);
        assertThat(SqlText.bindMarkers("path = E'a\\\\' ?' AND w = ?")).isEqualTo(1);
        assertThat(SqlText.bindMarkers("price$usd = ? AND a$b$c = ?")).as("a $ inside a name opens no quote").isEqualTo(2);
        assertThat(SqlText.bindMarkers("x = {0} AND y = {1}")).isEqualTo(2);
        assertThat(SqlText.bindMarkers("metadata ?| array['a'] AND n = ?")).as("operators count too: an upper bound").isEqualTo(2);
    }

    @Test
    void moreBindsThanMarkersAreRefused() {
        assertThatThrownBy(() -> Sql.condition("n = ?", 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 1 bind marker (?) but 2 bind values were given");
        assertThat(Sql.condition("n = ? AND m = ?", 1, 2)).isNotNull();
        assertThat(Sql.condition("metadata ? 'role'")).as("a ? operator with no binds").isNotNull();
    }
}
