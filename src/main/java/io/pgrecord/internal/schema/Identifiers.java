package io.pgrecord.internal.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Checks the names DDL and the inspector take before any SQL is built. A valid name is always
 * sent quoted ({@link DSL#name}), so quoting alone would stop injection; the check goes further
 * and refuses anything that is not a plain identifier, so a hostile or mistyped name fails
 * loudly instead of creating an odd object.
 */
public final class Identifiers {

    /** PostgreSQL's NAMEDATALEN - 1. */
    static final int MAX_BYTES = 63;

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");

    private Identifiers() {
    }

    /**
     * One identifier part.
     *
     * @throws IllegalArgumentException naming what it is, the value and the rule
     */
    public static String part(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be " + (value == null ? "null" : "empty"));
        }
        if (!IDENTIFIER.matcher(value).matches() || value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("invalid " + what + " '" + printable(value)
                    + "': use letters, digits, _ and $, starting with a letter or _, at most " + MAX_BYTES + " bytes");
        }
        return value;
    }

    /** An unqualified name, e.g. a column or a constraint. */
    public static Name simple(String what, String value) {
        return DSL.name(part(what, value));
    }

    /** A name optionally qualified by a schema: {@code users} or {@code app.users}. */
    public static Name qualified(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("invalid " + what + " '" + printable(value)
                    + "': use name or schema.name");
        }
        for (String p : parts) {
            part(what, p);
        }
        return DSL.name(parts);
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
