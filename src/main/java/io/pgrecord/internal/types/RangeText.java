package io.pgrecord.internal.types;

import java.util.function.Function;
import org.jooq.postgres.extensions.types.Range;

/**
 * One range in PostgreSQL's text form, {@code [2024-01-01,2024-02-01)} or {@code empty}, with
 * its bounds read and written by the element type's own text functions. A bound may be in double
 * quotes (the server quotes {@code "0044-03-15 BC"} and {@code "2024-01-01 10:00:00"}), with a
 * backslash or a doubled quote escaping a character; an empty bound is unbounded.
 */
final class RangeText {

    /** Builds a range; a null bound is unbounded. */
    interface Factory<R> {
        R make(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive);
    }

    private final String typeName;
    private final String input;
    private int pos;

    private RangeText(String typeName, String input) {
        this.typeName = typeName;
        this.input = input;
    }

    static <R> R parse(String typeName, String text, Function<String, Object> bound, Factory<R> factory, R empty) {
        String t = text.strip();
        if (t.equalsIgnoreCase("empty")) {
            return empty;
        }
        RangeText r = new RangeText(typeName, t);
        boolean lowerInclusive = r.input.startsWith("[");
        if (!lowerInclusive && !r.input.startsWith("(")) {
            throw r.error("expected '[' or '('");
        }
        r.pos = 1;
        Object lower = r.bound(bound);
        if (r.pos >= r.input.length() || r.input.charAt(r.pos) != ',') {
            throw r.error("expected ','");
        }
        r.pos++;
        Object upper = r.bound(bound);
        if (r.pos != r.input.length() - 1 || (r.input.charAt(r.pos) != ')' && r.input.charAt(r.pos) != ']')) {
            throw r.error("expected ')' or ']' at the end");
        }
        return factory.make(lower, lower != null && lowerInclusive, upper, upper != null && r.input.charAt(r.pos) == ']');
    }

    /** One bound's value, or null when it is left out (unbounded). */
    private Object bound(Function<String, Object> parser) {
        RangeBoundText scanned = RangeBoundText.scan(input, pos, this::error);
        pos = scanned.end();
        return scanned.parse(parser, this::error);
    }

    private IllegalArgumentException error(String reason) {
        return new IllegalArgumentException("invalid " + typeName + " text \"" + input + "\": " + reason);
    }

    /**
     * The input text of a range. An empty one needs no {@code empty}: jOOQ's is
     * {@code [1970-01-01,1970-01-01)}, which the server reads as empty (and {@code isEmpty()}
     * of a discrete range at {@code LocalDate.MAX} would fail on the day after it).
     */
    static <T> String print(Range<T> r, Function<T, String> bound) {
        StringBuilder out = new StringBuilder();
        out.append(r.lower() != null && r.lowerIncluding() ? '[' : '(');
        appendBound(out, r.lower(), bound);
        out.append(',');
        appendBound(out, r.upper(), bound);
        return out.append(r.upper() != null && r.upperIncluding() ? ']' : ')').toString();
    }

    private static <T> void appendBound(StringBuilder out, T value, Function<T, String> bound) {
        if (value == null) {
            return;
        }
        String text = bound.apply(value);
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}
