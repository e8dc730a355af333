package io.pgrecord.internal.types;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL array literals of any dimension, as {@code array_in} reads and {@code array_out}
 * writes them: {@code {{1,NULL},{"a b","x\"y"}}}. An array is an {@code Object[]} whose items are
 * element texts ({@code String}), {@code null} for SQL NULL, or nested {@code Object[]} for the
 * next dimension.
 *
 * <p>{@link #format} quotes every element, so no text (a label {@code NULL}, a comma, a brace,
 * a backslash) can change the literal's meaning; only a real null becomes the bare word
 * {@code NULL}. {@link #formatAsServer} quotes only where {@code array_out} does.
 */
public final class ArrayLiteral {

    private final String text;
    private final char delimiter;
    private final String type;
    private int pos;

    private ArrayLiteral(String text, char delimiter, String type) {
        this.text = text;
        this.delimiter = delimiter;
        this.type = type;
    }

    /** The literal for nested element texts; {@code delimiter} is {@code ;} for box, {@code ,} for the rest. */
    public static String format(Object[] array, char delimiter) {
        StringBuilder out = new StringBuilder();
        append(out, array, delimiter, true);
        return out.toString();
    }

    /** The literal as the server's {@code array_out} writes it: elements quoted only when they need it. */
    public static String formatAsServer(Object[] array, char delimiter) {
        StringBuilder out = new StringBuilder();
        append(out, array, delimiter, false);
        return out.toString();
    }

    private static void append(StringBuilder out, Object[] array, char delimiter, boolean quoteAll) {
        out.append('{');
        for (int i = 0; i < array.length; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            Object item = array[i];
            if (item == null) {
                out.append("NULL");
            } else if (item instanceof Object[] inner) {
                append(out, inner, delimiter, quoteAll);
            } else {
                String s = item.toString();
                if (!quoteAll && !needsQuotes(s, delimiter)) {
                    out.append(s);
                    continue;
                }
                out.append('"');
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    if (c == '"' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                out.append('"');
            }
        }
        out.append('}');
    }

    /** Whether {@code array_out} quotes this element text. */
    private static boolean needsQuotes(String s, char delimiter) {
        if (s.isEmpty() || s.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == delimiter || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The nested element texts of a literal.
     *
     * @param type the array type for error messages, e.g. {@code mood[]}
     * @throws IllegalArgumentException when the text is not an array literal
     */
    public static Object[] parse(String text, char delimiter, String type) {
        ArrayLiteral p = new ArrayLiteral(text, delimiter, type);
        p.skipBounds();
        Object[] result = p.array();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.malformed("junk after the closing brace");
        }
        return result;
    }

    /** Explicit bounds such as {@code [0:1]={a,b}} only shift indexes; Java arrays start at 0 anyway. */
    private void skipBounds() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '[') {
            int eq = text.indexOf('=', pos);
            if (eq < 0) {
                throw malformed("dimension bounds without '='");
            }
            pos = eq + 1;
            skipSpace();
        }
    }

    private Object[] array() {
        skipSpace();
        expect('{');
        List<Object> items = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return items.toArray();
        }
        while (true) {
            skipSpace();
            items.add(peek() == '{' ? array() : element());
            skipSpace();
            char c = next();
            if (c == '}') {
                return items.toArray();
            }
            if (c != delimiter) {
                throw malformed("expected '" + delimiter + "' or '}' at offset " + (pos - 1));
            }
        }
    }

    private String element() {
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        int trailingSpace = 0;
        while (true) {
            char c = peek();
            if (c == '"') {
                pos++;
                quoted = true;
                trailingSpace = 0;
                while ((c = nextQuoted()) != '"') {
                    value.append(c == '\\' ? next() : c);
                }
            } else if (c == '\\') {
                pos++;
                value.append(next());
                trailingSpace = 0;
            } else if (c == delimiter || c == '}') {
                break;
            } else if (c == '{') {
                throw malformed("unexpected '{' inside an element at offset " + pos);
            } else {
                pos++;
                trailingSpace = Character.isWhitespace(c) ? trailingSpace + 1 : 0;
                value.append(c);
            }
        }
        String s = value.substring(0, value.length() - trailingSpace);
        return !quoted && s.equalsIgnoreCase("NULL") ? null : s;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw malformed("unexpected end of input");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    /** The next character inside a quoted element, whose end must come before the input's. */
    private char nextQuoted() {
        if (pos >= text.length()) {
            throw malformed("unexpected end of input in an unterminated quoted element");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw malformed("expected '" + c + "' at offset " + pos);
        }
        pos++;
    }

    private IllegalArgumentException malformed(String reason) {
        return new IllegalArgumentException("malformed array literal for type " + type + ": \"" + text + "\": " + reason);
    }
}
