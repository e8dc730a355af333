package io.pgrecord.types;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL {@code lseg}: the finite segment between two points.
 *
 * <p>Its text form is {@code [(x1,y1),(x2,y2)]}.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=lseg}
 *
 * @param start the first end point
 * @param end the second end point
 */
public record LineSegment(Point start, Point end) {

    static final String TYPE = "lseg";

    public LineSegment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static LineSegment of(Point start, Point end) {
        return new LineSegment(start, end);
    }

    /** Parses {@code [(x1,y1),(x2,y2)]}, {@code ((x1,y1),(x2,y2))}, {@code (x1,y1),(x2,y2)} or {@code x1,y1,x2,y2}. */
    public static LineSegment parse(String text) {
        return read(GeoText.of(TYPE, text));
    }

    static LineSegment read(GeoText in) {
        char close = in.enter('[', ']', false) ? ']' : in.enter('(', ')', true) ? ')' : 0;
        List<Point> points = in.points();
        if (close != 0) {
            in.leave(close);
        }
        in.finish();
        if (points.size() != 2) {
            throw in.error("expected two points, found " + points.size());
        }
        return new LineSegment(points.get(0), points.get(1));
    }

    @Override
    public String toString() {
        return GeoText.appendAll(new StringBuilder("["), List.of(start, end)).append(']').toString();
    }
}
