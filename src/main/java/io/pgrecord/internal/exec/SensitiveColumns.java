package io.pgrecord.internal.exec;

import io.pgrecord.internal.error.SensitiveKeys;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns of {@code @Sensitive} fields of every model read so far, with their tables. Shared
 * by all backends; a column counts as sensitive in a statement that names its table.
 */
public final class SensitiveColumns {

    /** Column name to the tables where it is sensitive, all in lower case. */
    private static final Map<String, Set<String>> TABLES = new ConcurrentHashMap<>();

    private SensitiveColumns() {
    }

    public static void add(String table, String column) {
        TABLES.computeIfAbsent(column.toLowerCase(Locale.ROOT), c -> ConcurrentHashMap.newKeySet())
                .add(table.toLowerCase(Locale.ROOT));
        SensitiveKeys.register(table, column);   // and the key values of error reports
    }

    /** The registered columns sensitive in a statement that names these identifiers (lower case). */
    static void addTo(Set<String> sensitive, Set<String> namesInStatement) {
        TABLES.forEach((column, tables) -> {
            if (namesInStatement.contains(column) && tables.stream().anyMatch(namesInStatement::contains)) {
                sensitive.add(column);
            }
        });
    }
}
