package io.pgrecord.types;

import io.pgrecord.internal.types.RangeBoundText;
import java.util.ArrayList;
import java.util.List;
import org.jooq.postgres.extensions.types.Range;

/**
 * Multirange text as PostgreSQL reads and writes it: {@code {[1,3),(5,)}}, bounds optionally in
 * double quotes, a backslash or a doubled quote escaping a character, an empty bound meaning
 * unbounded, and {@code empty} for an empty range.
 */
final class MultiRangeText {

    private final RangeKind kind;
    private final String input;
    private int pos;

    private MultiRangeText(RangeKind kind, String input) {
        this.kind = kind;
        this.input = input;
    }

    static List<MultiRange.Bounds> parse(RangeKind kind, String text) {
        Malformed.requireNonNull(text, kind.typeName);
        return new MultiRangeText(kind, text).ranges();
    }

    private List<MultiRange.Bounds> ranges() {
        List<MultiRange.Bounds> out = new ArrayList<>();
        expect('{');
        if (!consume('}')) {
            do {
                MultiRange.Bounds range = range();
                if (range != null) {
                    out.add(range);
                }
            } while (consume(','));
            expect('}');
        }
        skipSpace();
        if (pos != input.length()) {
            throw error("junk after right brace");
        }
        return out;
    }

    private MultiRange.Bounds range() {
        skipSpace();
        if (input.regionMatches(true, pos, "empty", 0, 5)) {
            pos += 5;
            return null;
        }
        boolean lowerInclusive = consume('[');
        if (!lowerInclusive) {
            expect('(');
        }
        Object lower = bound();
        expect(',');
        Object upper = bound();
        boolean upperInclusive = consume(']');
        if (!upperInclusive) {
            expect(')');
        }
        return new MultiRange.Bounds(lower, lowerInclusive, upper, upperInclusive);
    }

    /** One bound's value, or null when it is left out (unbounded). */
    private Object bound() {
        RangeBoundText scanned = RangeBoundText.scan(input, pos, this::error);
        pos = scanned.end();
        return scanned.parse(kind::parse, this::error);
    }

    private boolean consume(char c) {
        skipSpace();
        if (pos < input.length() && input.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "' at position " + (pos + 1));
        }
    }

    private void skipSpace() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String reason) {
        return Malformed.input(kind.typeName, input, reason);
    }

    static String print(RangeKind kind, List<? extends Range<?>> ranges) {
        StringBuilder out = new StringBuilder("{");
        for (Range<?> r : ranges) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(r.lower() != null && r.lowerIncluding() ? '[' : '(');
            appendBound(out, kind, r.lower());
            out.append(',');
            appendBound(out, kind, r.upper());
            out.append(r.upper() != null && r.upperIncluding() ? ']' : ')');
        }
        return out.append('}').toString();
    }

    private static void appendBound(StringBuilder out, RangeKind kind, Object value) {
        if (value == null) {
            return;
        }
        String text = kind.print(value);
        boolean quote = text.isEmpty() || text.chars().anyMatch(c -> "\"\\()[],".indexOf(c) >= 0 || Character.isWhitespace(c));
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        out.append('"');
    }
}
