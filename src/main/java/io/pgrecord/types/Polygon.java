package io.pgrecord.types;

import java.util.List;

/**
 * A PostgreSQL {@code polygon}: a closed figure given by its vertices in order.
 *
 * <p>Its text form is {@code ((x1,y1),(x2,y2),...)}.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=polygon}
 *
 * @param points the vertices in order; an unmodifiable list of at least one point
 */
public record Polygon(List<Point> points) {

    static final String TYPE = "polygon";

    public Polygon {
        points = GeoText.copyOf(TYPE, points == null ? null : points.toArray(Point[]::new));
    }

    public static Polygon of(Point... points) {
        return new Polygon(GeoText.copyOf(TYPE, points));
    }

    /** Parses {@code ((x1,y1),...)}, {@code (x1,y1),...} or {@code x1,y1,...}. */
    public static Polygon parse(String text) {
        GeoText in = GeoText.of(TYPE, text);
        boolean wrapped = in.enter('(', ')', true);
        List<Point> points = in.points();
        if (wrapped) {
            in.leave(')');
        }
        in.finish();
        return new Polygon(points);
    }

    @Override
    public String toString() {
        return GeoText.appendAll(new StringBuilder("("), points).append(')').toString();
    }
}
