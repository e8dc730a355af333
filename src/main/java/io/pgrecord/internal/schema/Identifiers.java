package io.pgrecord.internal.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Checks the names DDL and the inspector take before any SQL is built. A name may be any text
 * PostgreSQL takes as a quoted identifier, and is always sent quoted ({@link DSL#quotedName}),
 * so it is matched exactly and cannot end or change the statement: {@code MiXeDCaSe!} and
 * {@code x"; DROP TABLE y; --} are plain names. Refused, as PostgreSQL refuses (or would cut
 * them short), are empty names, names with a NUL character and names over 63 bytes in UTF-8.
 *
 * <p>In a qualified name, {@code schema.name}, a dot separates the parts. A part that holds a
 * dot, or starts with a double quote, is written in double quotes with inner quotes doubled,
 * as in SQL: {@code "a.b"}, {@code app."a.b"}, {@code """x"""}; the quotes are not part of
 * the name, and there is no case folding either way.
 */
public final class Identifiers {

    /** PostgreSQL's NAMEDATALEN - 1. */
    static final int MAX_BYTES = 63;

    private Identifiers() {
    }

    /** Cuts a generated name to 63 bytes, keeping the suffix, as PostgreSQL does with its own. */
    public static String truncated(String base, String suffix) {
        String name = base + suffix;
        while (name.getBytes(StandardCharsets.UTF_8).length > 63) {
            base = base.substring(0, base.length() - 1);
            name = base + suffix;
        }
        return name;
    }

    /**
     * One identifier part, taken as it is.
     *
     * @throws IllegalArgumentException naming what it is, the value and the rule
     */
    public static String part(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be " + (value == null ? "null" : "empty"));
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid " + what + " '" + printable(value)
                    + "': PostgreSQL names cannot contain the NUL character (\\u0000)");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("invalid " + what + " '" + printable(value) + "': " + bytes
                    + " bytes in UTF-8, over PostgreSQL's limit of " + MAX_BYTES + " bytes for a name");
        }
        return value;
    }

    /** An unqualified name, e.g. a column or a constraint. */
    public static Name simple(String what, String value) {
        return DSL.quotedName(part(what, value));
    }

    /**
     * A name optionally qualified by a schema: {@code users}, {@code app.users}, or with a
     * double-quoted part, {@code app."a.b"}.
     */
    public static Name qualified(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        List<String> parts = split(what, value);
        if (parts.size() > 2) {
            throw new IllegalArgumentException("invalid " + what + " '" + printable(value)
                    + "': use name or schema.name, and write a part that holds a dot in double quotes, e.g. app.\"a.b\"");
        }
        for (String p : parts) {
            if (p.isEmpty() && parts.size() > 1) {
                throw new IllegalArgumentException("invalid " + what + " '" + printable(value)
                        + "': a schema or object name must not be empty");
            }
            part(what, p);
        }
        return DSL.quotedName(parts.toArray(String[]::new));
    }

    /** A name written back as {@link #qualified(String, String)} reads it: a part is quoted only when it must be. */
    public static String text(Name name) {
        StringBuilder sb = new StringBuilder();
        for (String p : name.getName()) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(p.indexOf('.') >= 0 || p.startsWith("\"") ? '"' + p.replace("\"", "\"\"") + '"' : p);
        }
        return sb.toString();
    }

    /** A name whose parts were split already (a model's table, a Java enum's type): each part checked. */
    public static Name qualified(String what, Name name) {
        String[] parts = name.getName();
        if (parts.length > 2) {
            throw new IllegalArgumentException("invalid " + what + " '" + printable(String.join(".", parts))
                    + "': use name or schema.name");
        }
        for (String p : parts) {
            part(what, p);
        }
        return DSL.quotedName(parts);
    }

    /**
     * The parts of {@code schema.name}: split at dots, except inside a part that starts with a
     * double quote, which runs to its closing quote ({@code ""} is one quote inside).
     */
    private static List<String> split(String what, String value) {
        List<String> parts = new ArrayList<>(2);
        int i = 0;
        int n = value.length();
        while (true) {
            if (i < n && value.charAt(i) == '"') {
                StringBuilder part = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("invalid " + what + " '" + printable(value)
                                + "': unterminated double quote (write \"\" for a quote inside a quoted name)");
                    }
                    char c = value.charAt(i++);
                    if (c != '"') {
                        part.append(c);
                    } else if (i < n && value.charAt(i) == '"') {
                        part.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                parts.add(part.toString());
                if (i == n) {
                    return parts;
                }
                if (value.charAt(i) != '.') {
                    throw new IllegalArgumentException("invalid " + what + " '" + printable(value)
                            + "': a quoted name must be followed by '.' or the end (write \"\" for a quote inside it)");
                }
                i++;
            } else {
                int dot = value.indexOf('.', i);
                if (dot < 0) {
                    parts.add(value.substring(i));
                    return parts;
                }
                parts.add(value.substring(i, dot));
                i = dot + 1;
            }
        }
    }

    /** Column names, each checked; at least one. */
    public static List<Name> columns(String what, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one column");
        }
        List<Name> names = new ArrayList<>(values.size());
        for (String v : values) {
            names.add(simple(what + " column", v));
        }
        return names;
    }

    /** The value with control characters shown as escapes, for error messages. */
    static String printable(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.length() > 80 ? sb.substring(0, 80) + "..." : sb.toString();
    }
}
