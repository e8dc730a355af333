package io.pgrecord.types;

import java.util.Objects;

/**
 * A PostgreSQL {@code circle}: a center point and a radius that is not negative.
 *
 * <p>Its text form is {@code <(x,y),r>}.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=circle}
 *
 * @param center the center
 * @param radius the radius, zero or more
 */
public record Circle(Point center, double radius) {

    static final String TYPE = "circle";

    public Circle {
        Objects.requireNonNull(center, "center");
        if (!(radius >= 0)) {
            throw new IllegalArgumentException("circle radius must not be negative or NaN: " + radius);
        }
    }

    public static Circle of(Point center, double radius) {
        return new Circle(center, radius);
    }

    /** Parses {@code <(x,y),r>}, {@code ((x,y),r)}, {@code (x,y),r} or {@code x,y,r}. */
    public static Circle parse(String text) {
        GeoText in = GeoText.of(TYPE, text);
        char close = in.enter('<', '>', false) ? '>' : in.enter('(', ')', true) ? ')' : 0;
        Point center = in.point();
        in.expect(',');
        double radius = in.number();
        if (close != 0) {
            in.leave(close);
        }
        in.finish();
        if (!(radius >= 0)) {
            throw in.error("radius must not be negative");
        }
        return new Circle(center, radius);
    }

    @Override
    public String toString() {
        return GeoText.append(new StringBuilder("<"), center).append(',').append(PgFloat.format(radius)).append('>').toString();
    }
}
