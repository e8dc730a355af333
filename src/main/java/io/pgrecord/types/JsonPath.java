package io.pgrecord.types;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A PostgreSQL {@code jsonpath} expression, such as {@code $.items[*] ? (@.price > 10)}.
 *
 * <p>{@link #of} checks only what can be checked without the server's grammar (text present,
 * quotes closed, brackets balanced); the server validates the rest when the value is sent. The
 * value compares by its text. The server stores a normalised form: {@code $.a} comes back as
 * {@code $."a"}, which is a different {@code JsonPath} here.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=jsonpath}
 *
 * @param text the expression as written
 */
public record JsonPath(String text) {

    private static final String TYPE = "jsonpath";

    public JsonPath {
        Malformed.requireNonNull(text, TYPE);
        if (text.isBlank()) {
            throw Malformed.input(TYPE, text, "the path is empty");
        }
        checkBalanced(text);
    }

    public static JsonPath of(String text) {
        return new JsonPath(text);
    }

    private static void checkBalanced(String text) {
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = endOfString(text, i);
            } else if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty() || open.pop() != expected) {
                    throw Malformed.input(TYPE, text, "unbalanced '" + c + "' at position " + (i + 1));
                }
            }
        }
        if (!open.isEmpty()) {
            throw Malformed.input(TYPE, text, "unclosed '" + open.peek() + "'");
        }
    }

    private static int endOfString(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw Malformed.input(TYPE, text, "unterminated string starting at position " + (quote + 1));
    }

    @Override
    public String toString() {
        return text;
    }
}
