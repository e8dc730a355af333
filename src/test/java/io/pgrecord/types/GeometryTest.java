package io.pgrecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeometryTest {

    private static final Point P12 = Point.of(1, 2);
    private static final Point P34 = Point.of(3, 4);

    static Stream<Arguments> canonical() {
        return Stream.of(
                Arguments.of("(1,2)", (Function<String, Object>) Point::parse, P12),
                Arguments.of("(-1.5,1e+20)", (Function<String, Object>) Point::parse, Point.of(-1.5, 1e20)),
                Arguments.of("{1,2,3}", (Function<String, Object>) Line::parse, Line.of(1, 2, 3)),
                Arguments.of("[(1,2),(3,4)]", (Function<String, Object>) LineSegment::parse, LineSegment.of(P12, P34)),
                Arguments.of("(3,4),(1,2)", (Function<String, Object>) Box::parse, Box.of(P12, P34)),
                Arguments.of("[(1,2),(3,4)]", (Function<String, Object>) Path::parse, Path.open(P12, P34)),
                Arguments.of("((1,2),(3,4))", (Function<String, Object>) Path::parse, Path.closed(P12, P34)),
                Arguments.of("((1,2),(3,4),(5,6))", (Function<String, Object>) Polygon::parse, Polygon.of(P12, P34, Point.of(5, 6))),
                Arguments.of("<(1,2),3>", (Function<String, Object>) Circle::parse, Circle.of(P12, 3)),
                Arguments.of("<(0.5,-0.25),0>", (Function<String, Object>) Circle::parse, Circle.of(Point.of(0.5, -0.25), 0)));
    }

    @ParameterizedTest
    @MethodSource("canonical")
    void parsesAndPrintsTheServersOutputForm(String text, Function<String, Object> parser, Object value) {
        assertThat(parser.apply(text)).isEqualTo(value).hasSameHashCodeAs(value);
        assertThat(value).hasToString(text);
    }

    static Stream<Arguments> otherInputForms() {
        return Stream.of(
                Arguments.of(" ( 1 , 2 ) ", (Function<String, Object>) Point::parse, P12),
                Arguments.of("1,2", (Function<String, Object>) Point::parse, P12),
                Arguments.of("[(1,2),(3,4)]", (Function<String, Object>) Line::parse, Line.of(1, -1, 1)),
                Arguments.of("(0,5),(3,5)", (Function<String, Object>) Line::parse, Line.of(0, -1, 5)),
                Arguments.of("((1,2),(3,4))", (Function<String, Object>) LineSegment::parse, LineSegment.of(P12, P34)),
                Arguments.of("1,2,3,4", (Function<String, Object>) LineSegment::parse, LineSegment.of(P12, P34)),
                Arguments.of("((1,2),(3,4))", (Function<String, Object>) Box::parse, Box.of(P34, P12)),
                Arguments.of("1,4,3,2", (Function<String, Object>) Box::parse, Box.of(P12, P34)),
                Arguments.of("(1,2)", (Function<String, Object>) Path::parse, Path.closed(P12)),
                Arguments.of("1,2,3,4", (Function<String, Object>) Path::parse, Path.closed(P12, P34)),
                Arguments.of("(1,2),(3,4)", (Function<String, Object>) Polygon::parse, Polygon.of(P12, P34)),
                Arguments.of("((1,2),3)", (Function<String, Object>) Circle::parse, Circle.of(P12, 3)),
                Arguments.of("1,2,3", (Function<String, Object>) Circle::parse, Circle.of(P12, 3)));
    }

    @ParameterizedTest
    @MethodSource("otherInputForms")
    void acceptsThePostgresInputForms(String text, Function<String, Object> parser, Object value) {
        assertThat(parser.apply(text)).isEqualTo(value);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("point", (Function<String, Object>) Point::parse, "(1,x)"),
                Arguments.of("point", (Function<String, Object>) Point::parse, "(1,2"),
                Arguments.of("point", (Function<String, Object>) Point::parse, "(1,2,3)"),
                Arguments.of("point", (Function<String, Object>) Point::parse, ""),
                Arguments.of("line", (Function<String, Object>) Line::parse, "{0,0,1}"),
                Arguments.of("line", (Function<String, Object>) Line::parse, "{1,2}"),
                Arguments.of("line", (Function<String, Object>) Line::parse, "[(1,1),(1,1)]"),
                Arguments.of("lseg", (Function<String, Object>) LineSegment::parse, "[(1,2)]"),
                Arguments.of("lseg", (Function<String, Object>) LineSegment::parse, "[(1,2),(3,4)"),
                Arguments.of("box", (Function<String, Object>) Box::parse, "(1,2),(3,4),(5,6)"),
                Arguments.of("path", (Function<String, Object>) Path::parse, "[]"),
                Arguments.of("path", (Function<String, Object>) Path::parse, "[(1,2),(3,4))"),
                Arguments.of("polygon", (Function<String, Object>) Polygon::parse, "[(1,2),(3,4)]"),
                Arguments.of("circle", (Function<String, Object>) Circle::parse, "<(1,2),-3>"),
                Arguments.of("circle", (Function<String, Object>) Circle::parse, "<(1,2)>"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void rejectsMalformedTextNamingTheTypeAndInput(String type, Function<String, Object> parser, String text) {
        assertThatThrownBy(() -> parser.apply(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(type)
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void boxKeepsUpperRightAndLowerLeftCorners() {
        Box b = Box.of(Point.of(1, 4), Point.of(3, 2));
        assertThat(b.high()).isEqualTo(Point.of(3, 4));
        assertThat(b.low()).isEqualTo(Point.of(1, 2));
        assertThat(b).isEqualTo(Box.of(Point.of(3, 2), Point.of(1, 4))).hasToString("(3,4),(1,2)");
    }

    @Test
    void factoriesRejectImpossibleShapes() {
        assertThatThrownBy(() -> Line.of(0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A and B cannot both be zero");
        assertThatThrownBy(() -> Circle.of(P12, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius");
        assertThatThrownBy(() -> Circle.of(P12, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(Path::open).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
        assertThatThrownBy(() -> Polygon.of()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("polygon");
        assertThatThrownBy(() -> Point.parse(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point");
    }

    @Test
    void openAndClosedPathsDiffer() {
        assertThat(Path.open(P12, P34)).isNotEqualTo(Path.closed(P12, P34));
        assertThat(Path.open(P12).isOpen()).isTrue();
        assertThat(Path.closed(P12).isClosed()).isTrue();
        assertThat(Path.closed(P12, P34).points()).containsExactly(P12, P34);
    }

    @Test
    void valuesAreImmutable() {
        Point[] points = {P12, P34};
        Path path = Path.open(points);
        points[0] = Point.of(9, 9);
        assertThat(path.points()).containsExactly(P12, P34);
        assertThatThrownBy(() -> path.points().add(P12)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Polygon.of(P12).points().clear()).isInstanceOf(UnsupportedOperationException.class);
        List<Point> mutable = new java.util.ArrayList<>(List.of(P12));
        Polygon polygon = new Polygon(mutable);
        mutable.add(P34);
        assertThat(polygon.points()).containsExactly(P12);
    }
}
