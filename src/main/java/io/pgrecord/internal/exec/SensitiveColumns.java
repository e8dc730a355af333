package io.pgrecord.internal.exec;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns of {@code @Sensitive} fields of every model read so far. Shared by all backends:
 * a column name sensitive in one table is masked in any other, which can only hide more.
 */
public final class SensitiveColumns {

    private static final Set<String> COLUMNS = ConcurrentHashMap.newKeySet();

    private SensitiveColumns() {
    }

    public static void add(String column) {
        COLUMNS.add(column.toLowerCase(Locale.ROOT));
    }

    static Set<String> all() {
        return COLUMNS;
    }
}
