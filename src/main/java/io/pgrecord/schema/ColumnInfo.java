package io.pgrecord.schema;

import org.jspecify.annotations.Nullable;

/**
 * A column of a table or view, as the {@link Inspector} reads it.
 *
 * @param name the column name
 * @param type PostgreSQL's {@code format_type} text: {@code integer}, {@code character varying(100)},
 *     {@code text[]}, {@code mood}
 * @param nullable false for NOT NULL columns (primary-key columns included)
 * @param defaultValue the default expression as the server prints it, e.g. {@code 10} or
 *     {@code now()}, or null; null for identity and generated columns
 * @param identity whether this is an identity column
 * @param generated the expression of a generated column, e.g. {@code (price * 2)}, or null
 * @param identityOptions for an identity column, its kind and sequence options, else null
 * @param generation for a generated column {@code STORED} or {@code VIRTUAL} (PostgreSQL 18), else null
 * @param comment the {@code COMMENT ON COLUMN} text, or null
 */
public record ColumnInfo(
        String name,
        String type,
        boolean nullable,
        @Nullable String defaultValue,
        boolean identity,
        @Nullable String generated,
        @Nullable IdentityInfo identityOptions,
        @Nullable String generation,
        @Nullable String comment) {
}
