package io.pgrecord.internal.types;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads one bound of range or multirange text as the server writes it: optionally in double
 * quotes, a backslash or a doubled quote escaping a character, and an empty bound meaning
 * unbounded. The element type's own parser then reads the text.
 *
 * @param text the bound's text, unquoted and unescaped; null when the bound is left out
 * @param end the position after the bound: at the ',', ')' or ']' that ends it
 */
public record RangeBoundText(@Nullable String text, int end) {

    /** Scans from {@code start}; {@code error} makes the exception for unterminated quotes. */
    public static RangeBoundText scan(String input, int start, Function<String, IllegalArgumentException> error) {
        StringBuilder text = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        int pos = start;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (!inQuotes && (c == ',' || c == ')' || c == ']')) {
                break;
            }
            pos++;
            if (c == '\\' && pos < input.length()) {
                text.append(input.charAt(pos++));
            } else if (c == '"' && inQuotes && pos < input.length() && input.charAt(pos) == '"') {
                text.append('"');
                pos++;
            } else if (c == '"') {
                inQuotes = !inQuotes;
                quoted = true;
            } else {
                text.append(c);
            }
        }
        if (inQuotes) {
            throw error.apply("unterminated quoted bound");
        }
        String value = quoted ? text.toString() : text.toString().strip();
        return new RangeBoundText(!quoted && value.isEmpty() ? null : value, pos);
    }

    /** The bound read by {@code parser}, or null when unbounded; a parse failure names the text. */
    public @Nullable Object parse(Function<String, Object> parser, Function<String, IllegalArgumentException> error) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw error.apply("\"" + text + "\" is not a valid bound");
        }
    }
}
