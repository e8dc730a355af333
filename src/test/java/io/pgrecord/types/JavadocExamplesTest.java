package io.pgrecord.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.junit.jupiter.api.Test;

/**
 * The examples in the Javadoc of the value types: each region below is what a class's Javadoc
 * shows ({@code {@snippet class=io.pgrecord.types.JavadocExamplesTest region=...}}), so the
 * examples are compiled and run.
 */
class JavadocExamplesTest {

    @Test
    void point() {
        // @start region="point"
        Point p = Point.parse("(1,2)");
        assertThat(p).isEqualTo(Point.of(1, 2)).hasToString("(1,2)");
        // @end
    }

    @Test
    void lineSegment() {
        // @start region="lseg"
        LineSegment s = LineSegment.of(Point.of(1, 2), Point.of(3, 4));
        assertThat(s).hasToString("[(1,2),(3,4)]").isEqualTo(LineSegment.parse("[(1,2),(3,4)]"));
        // @end
    }

    @Test
    void circle() {
        // @start region="circle"
        Circle c = Circle.of(Point.of(1, 2), 3);
        assertThat(c).hasToString("<(1,2),3>").isEqualTo(Circle.parse("<(1,2),3>"));
        // @end
    }

    @Test
    void line() {
        // @start region="line"
        Line diagonal = Line.of(1, -1, 0);          // y = x
        assertThat(diagonal).hasToString("{1,-1,0}");
        assertThat(Line.parse("[(0,0),(1,1)]")).isEqualTo(Line.parse("{1,-1,0}"));
        // @end
    }

    @Test
    void box() {
        // @start region="box"
        Box b = Box.of(Point.of(1, 4), Point.of(3, 2));   // any two opposite corners
        assertThat(b).hasToString("(3,4),(1,2)").isEqualTo(Box.parse("(1,2),(3,4)"));
        // @end
    }

    @Test
    void path() {
        // @start region="path"
        Path open = Path.open(Point.of(1, 2), Point.of(3, 4));
        assertThat(open).hasToString("[(1,2),(3,4)]");
        assertThat(open.isOpen()).isTrue();
        assertThat(Path.parse("((1,2),(3,4))")).isEqualTo(Path.closed(Point.of(1, 2), Point.of(3, 4)));
        // @end
    }

    @Test
    void polygon() {
        // @start region="polygon"
        Polygon triangle = Polygon.of(Point.of(0, 0), Point.of(4, 0), Point.of(0, 3));
        assertThat(triangle).hasToString("((0,0),(4,0),(0,3))");
        assertThat(Polygon.parse(triangle.toString())).isEqualTo(triangle);
        // @end
    }

    @Test
    void tsQuery() {
        // @start region="tsquery"
        TsQuery q = TsQuery.parse("(fat | rat) & cat:*");
        assertThat(q).hasToString("( 'fat' | 'rat' ) & 'cat':*");
        // @end
    }

    @Test
    void tsVector() {
        // @start region="tsvector"
        TsVector v = TsVector.parse("b:2 a:1,3B a");
        assertThat(v).hasToString("'a':1,3B 'b':2");
        assertThat(v.lexemes()).isEqualTo(List.of("a", "b"));
        // @end
    }

    @Test
    void multiRange() {
        // @start region="multirange"
        MultiRange<IntegerRange> m = MultiRange.of(
                IntegerRange.integerRange(5, true, 7, false),
                IntegerRange.integerRange(1, true, 2, true));
        assertThat(m).hasToString("{[1,3),[5,7)}");
        assertThat(MultiRange.parse("{[1,3),[5,7)}", IntegerRange.class)).isEqualTo(m);
        // @end
    }

    @Test
    void jsonPath() {
        // @start region="jsonpath"
        JsonPath path = JsonPath.of("$.items[*] ? (@.price > 10)");
        assertThat(path).hasToString("$.items[*] ? (@.price > 10)");
        // @end
    }
}
