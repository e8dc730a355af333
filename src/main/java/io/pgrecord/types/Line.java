package io.pgrecord.types;

/**
 * A PostgreSQL {@code line}: the infinite line {@code a·x + b·y + c = 0}.
 *
 * <p>Its text form is {@code {a,b,c}}; {@code a} and {@code b} cannot both be zero.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=line}
 *
 * @param a the x coefficient
 * @param b the y coefficient
 * @param c the constant
 */
public record Line(double a, double b, double c) {

    static final String TYPE = "line";

    public Line {
        if (a == 0 && b == 0) {
            throw new IllegalArgumentException("invalid line specification: A and B cannot both be zero");
        }
    }

    public static Line of(double a, double b, double c) {
        return new Line(a, b, c);
    }

    /**
     * Parses {@code {a,b,c}}, or two distinct points on the line in any {@link LineSegment} form,
     * which PostgreSQL turns into coefficients the same way.
     */
    public static Line parse(String text) {
        GeoText in = GeoText.of(TYPE, text);
        if (in.tryConsume('{')) {
            double a = in.number();
            in.expect(',');
            double b = in.number();
            in.expect(',');
            double c = in.number();
            in.expect('}');
            in.finish();
            if (a == 0 && b == 0) {
                throw Malformed.input(TYPE, text, "A and B cannot both be zero");
            }
            return new Line(a, b, c);
        }
        LineSegment through = LineSegment.read(in);
        return through(in, through.start(), through.end());
    }

    private static Line through(GeoText in, Point p, Point q) {
        if (p.equals(q)) {
            throw in.error("must be two distinct points");
        }
        if (p.x() == q.x()) {
            return new Line(-1, 0, p.x());
        }
        if (p.y() == q.y()) {
            return new Line(0, -1, p.y());
        }
        double slope = (q.y() - p.y()) / (q.x() - p.x());
        return new Line(slope, -1, p.y() - slope * p.x());
    }

    @Override
    public String toString() {
        return "{" + PgFloat.format(a) + "," + PgFloat.format(b) + "," + PgFloat.format(c) + "}";
    }
}
