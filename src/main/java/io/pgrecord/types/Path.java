package io.pgrecord.types;

import java.util.List;

/**
 * A PostgreSQL {@code path}: points joined in order, either open or closed (the last point joins
 * the first).
 *
 * <p>Its text form is {@code [(x1,y1),...]} when open and {@code ((x1,y1),...)} when closed.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=path}
 */
public final class Path {

    static final String TYPE = "path";

    private final List<Point> points;
    private final boolean closed;

    private Path(List<Point> points, boolean closed) {
        this.points = points;
        this.closed = closed;
    }

    public static Path open(Point... points) {
        return new Path(GeoText.copyOf(TYPE, points), false);
    }

    public static Path closed(Point... points) {
        return new Path(GeoText.copyOf(TYPE, points), true);
    }

    /**
     * Parses {@code [(x1,y1),...]} as an open path; {@code ((x1,y1),...)}, {@code (x1,y1),...}
     * and {@code x1,y1,...} as a closed one, as PostgreSQL does.
     */
    public static Path parse(String text) {
        GeoText in = GeoText.of(TYPE, text);
        boolean open = in.enter('[', ']', false);
        boolean wrapped = !open && in.enter('(', ')', true);
        List<Point> points = in.points();
        if (open || wrapped) {
            in.leave(open ? ']' : ')');
        }
        in.finish();
        return new Path(List.copyOf(points), !open);
    }

    /** The points in order; an unmodifiable list. */
    public List<Point> points() {
        return points;
    }

    public boolean isOpen() {
        return !closed;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path other && closed == other.closed && points.equals(other.points);
    }

    @Override
    public int hashCode() {
        return points.hashCode() * 31 + Boolean.hashCode(closed);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(closed ? "(" : "[");
        return GeoText.appendAll(out, points).append(closed ? ')' : ']').toString();
    }
}
