package io.pgrecord.types;

/**
 * A PostgreSQL {@code point}: a location in the plane, in double precision.
 *
 * <p>Its text form is {@code (x,y)}, with numbers printed as PostgreSQL prints them.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=point}
 *
 * @param x the x coordinate
 * @param y the y coordinate
 */
public record Point(double x, double y) {

    static final String TYPE = "point";

    public static Point of(double x, double y) {
        return new Point(x, y);
    }

    /** Parses {@code (x,y)} or {@code x,y}. */
    public static Point parse(String text) {
        GeoText in = GeoText.of(TYPE, text);
        Point p = in.point();
        in.finish();
        return p;
    }

    @Override
    public String toString() {
        return GeoText.append(new StringBuilder(), this).toString();
    }
}
