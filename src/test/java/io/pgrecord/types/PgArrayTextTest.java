package io.pgrecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Array literals as array_out writes them; PgTypesRoundTripTest checks them against the server. */
class PgArrayTextTest {

    @Test
    void quotesOnlyWhatNeedsQuoting() {
        String[] elements = {"08:00:2b:01:02:03", null, "'a' 'b c'", "", "NULL", "x\"y\\z", "{1,2}"};
        String text = PgArrayText.format(elements, ',');
        assertThat(text).isEqualTo("{08:00:2b:01:02:03,NULL,\"'a' 'b c'\",\"\",\"NULL\",\"x\\\"y\\\\z\",\"{1,2}\"}");
        assertThat(PgArrayText.parse(text, ',', "text")).containsExactly(elements);
    }

    @Test
    void boxArraysUseSemicolons() {
        String[] boxes = {"(3,4),(1,2)", "(1,1),(0,0)"};
        assertThat(PgArrayText.format(boxes, ';')).isEqualTo("{(3,4),(1,2);(1,1),(0,0)}");
        assertThat(PgArrayText.parse("{(3,4),(1,2);(1,1),(0,0)}", ';', "box")).containsExactly(boxes);
    }

    @Test
    void readsTheServersOtherSpellings() {
        assertThat(PgArrayText.parse("{}", ',', "point")).isEmpty();
        assertThat(PgArrayText.parse(" { a , \"b\" , null } ", ',', "text")).containsExactly("a", "b", null);
        assertThat(PgArrayText.parse("[0:1]={x,y}", ',', "text")).containsExactly("x", "y");
    }

    @Test
    void rejectsWhatIsNotAOneDimensionalArray() {
        assertThatThrownBy(() -> PgArrayText.parse("{{1,2},{3,4}}", ',', "point"))
                .hasMessageContaining("point[]").hasMessageContaining("one-dimensional");
        assertThatThrownBy(() -> PgArrayText.parse("1,2", ',', "point")).hasMessageContaining("\"1,2\"");
        assertThatThrownBy(() -> PgArrayText.parse("{\"open}", ',', "point")).hasMessageContaining("unterminated");
    }
}
