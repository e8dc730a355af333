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
        Matcher m = KEY.matcher(f.detail());
        if (!m.matches()) {
            return f;
        }
        for (String column : m.group(1).split(",")) {
            String name = column.strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (sensitive.contains(name)) {
                String detail = "Key (" + m.group(1) + ")=(***)" + m.group(3);
                return new ServerErrorFields(f.sqlState(), f.message(), detail, f.hint(), f.schema(), f.table(), f.column(),
                        f.constraint());
            }
        }
        return f;
    }
}
