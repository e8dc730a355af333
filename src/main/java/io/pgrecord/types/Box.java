package io.pgrecord.types;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL {@code box}: an axis-aligned rectangle, kept, like the server keeps it, as its
 * upper-right and lower-left corners whichever two opposite corners it was made from.
 *
 * <p>Its text form is {@code (x_high,y_high),(x_low,y_low)}.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=box}
 *
 * @param high the upper-right corner
 * @param low the lower-left corner
 */
public record Box(Point high, Point low) {

    static final String TYPE = "box";

    /** Takes any two opposite corners and keeps the upper-right and lower-left ones. */
    public Box {
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Point a = high;
        Point b = low;
        high = new Point(a.x() >= b.x() ? a.x() : b.x(), a.y() >= b.y() ? a.y() : b.y());
        low = new Point(a.x() >= b.x() ? b.x() : a.x(), a.y() >= b.y() ? b.y() : a.y());
    }

    public static Box of(Point corner, Point oppositeCorner) {
        return new Box(corner, oppositeCorner);
    }

    /** Parses {@code (x1,y1),(x2,y2)}, {@code ((x1,y1),(x2,y2))} or {@code x1,y1,x2,y2}. */
    public static Box parse(String text) {
        GeoText in = GeoText.of(TYPE, text);
        boolean wrapped = in.enter('(', ')', true);
        List<Point> corners = in.points();
        if (wrapped) {
            in.leave(')');
        }
        in.finish();
        if (corners.size() != 2) {
            throw in.error("expected two corners, found " + corners.size());
        }
        return new Box(corners.get(0), corners.get(1));
    }

    @Override
    public String toString() {
        return GeoText.appendAll(new StringBuilder(), List.of(high, low)).toString();
    }
}
