package io.pgrecord.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Array literals of any dimension; TypeMatrixTest checks them against the server. */
class ArrayLiteralTest {

    @Test
    void quotesEveryElementSoNoTextChangesTheLiteral() {
        Object[] elements = {"a b", null, "NULL", "", "x\"y\\z", "{1,2}", "c,d"};
        String text = ArrayLiteral.format(elements, ',');
        assertThat(text).isEqualTo("{\"a b\",NULL,\"NULL\",\"\",\"x\\\"y\\\\z\",\"{1,2}\",\"c,d\"}");
        assertThat(ArrayLiteral.parse(text, ',', "text[]")).containsExactly(elements);
    }

    @Test
    void nestsDimensions() {
        Object[] grid = {new Object[] {"1", null}, new Object[] {"3", "4"}};
        String text = ArrayLiteral.format(grid, ',');
        assertThat(text).isEqualTo("{{\"1\",NULL},{\"3\",\"4\"}}");
        assertThat(ArrayLiteral.parse(text, ',', "int4[]")).isEqualTo(grid);
        assertThat(ArrayLiteral.parse("{{a,b},{c,NULL}}", ',', "text[]"))
                .isEqualTo(new Object[] {new Object[] {"a", "b"}, new Object[] {"c", null}});
    }

    @Test
    void readsTheServersSpellings() {
        assertThat(ArrayLiteral.parse("{}", ',', "text[]")).isEmpty();
        assertThat(ArrayLiteral.parse(" { a b , \"c\" , null , \"NULL\" } ", ',', "text[]")).containsExactly("a b", "c", null, "NULL");
        assertThat(ArrayLiteral.parse("[0:1]={x,y}", ',', "text[]")).containsExactly("x", "y");
        assertThat(ArrayLiteral.parse("{a\\,b,\"\\\\\"}", ',', "text[]")).containsExactly("a,b", "\\");
        assertThat(ArrayLiteral.parse("{(1,2),(3,4);(0,0),(1,1)}", ';', "box[]")).containsExactly("(1,2),(3,4)", "(0,0),(1,1)");
    }

    @Test
    void rejectsWhatIsNotAnArray() {
        assertThatThrownBy(() -> ArrayLiteral.parse("1,2", ',', "int4[]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("int4[]").hasMessageContaining("\"1,2\"");
        assertThatThrownBy(() -> ArrayLiteral.parse("{\"open}", ',', "text[]")).hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> ArrayLiteral.parse("{a}b", ',', "text[]")).hasMessageContaining("junk");
    }
}
