package io.pgrecord.types;

import java.util.ArrayList;
import java.util.List;

/**
 * One-dimensional PostgreSQL array literals as {@code array_in} reads and {@code array_out}
 * writes them: {@code {a,"b c",NULL}}, elements quoted when they need it, a backslash escaping
 * a character, and the element type's delimiter ({@code ;} for {@code box}, {@code ,} for the rest).
 */
final class PgArrayText {

    private PgArrayText() {
    }

    static String format(Object[] elements, char delimiter) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            if (elements[i] == null) {
                out.append("NULL");
                continue;
            }
            String e = elements[i].toString();
            if (!needsQuotes(e, delimiter)) {
                out.append(e);
                continue;
            }
            out.append('"');
            for (int k = 0; k < e.length(); k++) {
                char c = e.charAt(k);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    private static boolean needsQuotes(String e, char delimiter) {
        if (e.isEmpty() || e.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == delimiter || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    /** The elements of a one-dimensional array literal, null for NULL. */
    static String[] parse(String text, char delimiter, String elementType) {
        String s = text.strip();
        if (s.startsWith("[")) {
            // explicit bounds, such as [0:1]={a,b}
            int eq = s.indexOf('=');
            s = eq < 0 ? s : s.substring(eq + 1).strip();
        }
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            throw Malformed.input(elementType + "[]", text, "an array starts with '{' and ends with '}'");
        }
        List<String> out = new ArrayList<>();
        String body = s.substring(1, s.length() - 1);
        if (body.isBlank()) {
            return new String[0];
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : delimiter;
            if (!inQuotes && (c == '{' || c == '}')) {
                throw Malformed.input(elementType + "[]", text, "only one-dimensional arrays are supported");
            }
            if (c == '\\' && i + 1 < body.length()) {
                current.append(body.charAt(++i));
            } else if (c == '"') {
                inQuotes = !inQuotes;
                quoted = true;
            } else if (c == delimiter && !inQuotes) {
                String element = quoted ? current.toString() : current.toString().strip();
                out.add(!quoted && element.equalsIgnoreCase("NULL") ? null : element);
                current.setLength(0);
                quoted = false;
            } else if (inQuotes || !Character.isWhitespace(c) || (!quoted && !current.isEmpty())) {
                current.append(c);
            }
        }
        if (inQuotes) {
            throw Malformed.input(elementType + "[]", text, "unterminated quoted element");
        }
        return out.toArray(String[]::new);
    }
}
