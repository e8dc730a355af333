package io.pgrecord.types;

import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over the text of one geometric value. It accepts what PostgreSQL's geometric input
 * functions accept: points written {@code (x,y)} or bare {@code x,y}, whitespace anywhere, and an
 * optional pair of brackets around a whole point list.
 */
final class GeoText {

    private final String type;
    private final String input;
    private final int end;
    private int pos;

    private GeoText(String type, String input, int start, int end) {
        this.type = type;
        this.input = input;
        this.pos = start;
        this.end = end;
    }

    static GeoText of(String type, String input) {
        Malformed.requireNonNull(input, type);
        return new GeoText(type, input, 0, input.length());
    }

    IllegalArgumentException error(String reason) {
        return Malformed.input(type, input, reason);
    }

    /**
     * If the rest of the input is {@code open ... close} as one bracketed group, steps inside it
     * and returns true. With {@code listOnly}, a group counts only when it holds a point list
     * (starts with another parenthesis), so {@code (1,2)} stays a point.
     */
    boolean enter(char open, char close, boolean listOnly) {
        skipSpace();
        int last = end - 1;
        while (last > pos && Character.isWhitespace(input.charAt(last))) {
            last--;
        }
        if (pos >= end || input.charAt(pos) != open || input.charAt(last) != close || matching(pos, open, close) != last) {
            return false;
        }
        int inner = pos + 1;
        while (inner < last && Character.isWhitespace(input.charAt(inner))) {
            inner++;
        }
        if (listOnly && (inner >= last || input.charAt(inner) != '(')) {
            return false;
        }
        pos = pos + 1;
        // the closing bracket is checked by leave()
        return true;
    }

    void leave(char close) {
        expect(close);
    }

    private int matching(int from, char open, char close) {
        int depth = 0;
        for (int i = from; i < end; i++) {
            char c = input.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    Point point() {
        skipSpace();
        boolean parenthesised = tryConsume('(');
        double x = number();
        expect(',');
        double y = number();
        if (parenthesised) {
            expect(')');
        }
        return new Point(x, y);
    }

    /** One or more points separated by commas. */
    List<Point> points() {
        List<Point> points = new ArrayList<>();
        points.add(point());
        while (tryConsume(',')) {
            points.add(point());
        }
        return points;
    }

    double number() {
        skipSpace();
        int start = pos;
        while (pos < end && !isDelimiter(input.charAt(pos))) {
            pos++;
        }
        Double value = PgFloat.parse(input.substring(start, pos));
        if (value == null) {
            throw error(start == pos ? "a number is missing" : "\"" + input.substring(start, pos) + "\" is not a number");
        }
        return value;
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == ')' || c == '(' || c == ']' || c == '[' || c == '>' || c == '<'
                || c == '{' || c == '}' || Character.isWhitespace(c);
    }

    boolean tryConsume(char c) {
        skipSpace();
        if (pos < end && input.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c) {
        if (!tryConsume(c)) {
            throw error("expected '" + c + "' at position " + (pos + 1));
        }
    }

    /** Fails unless only whitespace is left. */
    void finish() {
        skipSpace();
        if (pos != end) {
            throw error("unexpected text at position " + (pos + 1));
        }
    }

    private void skipSpace() {
        while (pos < end && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    /** Appends {@code (x,y)} in PostgreSQL's output form. */
    static StringBuilder append(StringBuilder out, Point p) {
        return out.append('(').append(PgFloat.format(p.x())).append(',').append(PgFloat.format(p.y())).append(')');
    }

    /** {@code (x1,y1),(x2,y2),...} */
    static StringBuilder appendAll(StringBuilder out, List<Point> points) {
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, points.get(i));
        }
        return out;
    }

    static List<Point> copyOf(String type, Point[] points) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException(type + " needs at least one point");
        }
        for (Point p : points) {
            if (p == null) {
                throw new IllegalArgumentException(type + " points must not be null");
            }
        }
        return List.of(points);
    }
}
