package io.pgrecord.internal.error;

import io.pgrecord.error.ServerErrorFields;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of {@code @Sensitive} fields, by table, for error reports: the server's DETAIL of a
 * key violation quotes the key's values ({@code Key (pin)=(1234) already exists.}), which an
 * exception's message carries into logs; a sensitive column's values are replaced by {@code ***}.
 * A NOT NULL or CHECK violation quotes the whole failing row: on a table with a sensitive column
 * the row is left out.
 */
public final class SensitiveKeys {

    /** Table (lower case) to its sensitive columns (lower case). */
    private static final Map<String, Set<String>> COLUMNS = new ConcurrentHashMap<>();

    /** {@code Key (a, b)=(1, 2) rest}: the key's columns, its values, and the rest of the line. */
    private static final Pattern KEY = Pattern.compile("^Key \\((.*?)\\)=\\((.*)\\)( [^()]*)$", Pattern.DOTALL);

    private SensitiveKeys() {
    }

    public static void register(String table, String column) {
        COLUMNS.computeIfAbsent(table.toLowerCase(Locale.ROOT), t -> ConcurrentHashMap.newKeySet()).add(column.toLowerCase(Locale.ROOT));
    }

    /** The fields with the values of a sensitive key masked in the detail; the same fields otherwise. */
    static ServerErrorFields masked(ServerErrorFields f) {
        if (f.detail() == null || f.table() == null) {
            return f;
        }
        Set<String> sensitive = COLUMNS.get(f.table().toLowerCase(Locale.ROOT));
        if (sensitive == null) {
            return f;
        }
        if (f.detail().startsWith("Failing row contains (")) {
            // a NOT NULL or CHECK violation quotes the whole row, sensitive columns included
            return withDetail(f, "Failing row contains (values withheld: " + f.table() + " has @Sensitive columns).");
        }
        Matcher m = KEY.matcher(f.detail());
        if (m.matches()) {
            return sensitiveKey(m.group(1), sensitive) ? withDetail(f, "Key (" + m.group(1) + ")=(***)" + m.group(3)) : f;
        }
        // an exclusion violation quotes two keys: "Key (a, b)=(...) conflicts with existing key (a, b)=(...)."
        int end = f.detail().indexOf(")=(");
        if (f.detail().startsWith("Key (") && end > 0 && sensitiveKey(f.detail().substring(5, end), sensitive)) {
            return withDetail(f, "Key (" + f.detail().substring(5, end) + ")=(***) (values withheld: a @Sensitive column)");
        }
        return f;
    }

    private static boolean sensitiveKey(String columns, Set<String> sensitive) {
        for (String column : columns.split(",")) {
            if (sensitive.contains(column.strip().replace("\"", "").toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static ServerErrorFields withDetail(ServerErrorFields f, String detail) {
        return new ServerErrorFields(f.sqlState(), f.message(), detail, f.hint(), f.schema(), f.table(), f.column(), f.constraint());
    }
}
