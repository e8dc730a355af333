package io.pgrecord.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An index of a table, including those behind PRIMARY KEY, UNIQUE and EXCLUDE constraints.
 *
 * @param name the index name
 * @param method the access method: {@code btree}, {@code hash}, {@code gist}, {@code gin},
 *     {@code brin}, {@code spgist}...
 * @param columns the key columns in order; an expression key as the server prints it, e.g.
 *     {@code lower(email)}
 * @param unique whether the index is unique
 * @param predicate the WHERE clause of a partial index, e.g. {@code (room > 0)}, or null
 * @param include the non-key columns of {@code INCLUDE}, in order; empty when none
 * @param nullsNotDistinct {@code NULLS NOT DISTINCT} (PostgreSQL 15+; always false before)
 * @param primary whether the index backs the primary key
 * @param constraint the PRIMARY KEY, UNIQUE or EXCLUDE constraint that owns the index, or null
 * @param definition the full {@code CREATE INDEX} statement from {@code pg_get_indexdef}
 */
public record IndexInfo(
        String name,
        String method,
        List<String> columns,
        boolean unique,
        @Nullable String predicate,
        List<String> include,
        boolean nullsNotDistinct,
        boolean primary,
        @Nullable String constraint,
        String definition) {

    public IndexInfo {
        columns = List.copyOf(columns);
        include = List.copyOf(include);
    }
}
