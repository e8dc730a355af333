/**
 * DDL and inspection: {@link io.pgrecord.schema.SchemaManager} creates tables from models, enums,
 * domains, indexes, EXCLUDE constraints, partitions and materialized views;
 * {@link io.pgrecord.schema.Inspector} reads the catalog back as records. Both come from a
 * backend ({@code backend.schema()}, {@code backend.inspector()}); the reactive backend's
 * {@link io.pgrecord.schema.AsyncSchemaManager} and {@link io.pgrecord.schema.AsyncInspector}
 * have the same methods, each returning a {@code Mono}.
 *
 * <p>Names (tables, columns, types, indexes, constraints, schemas) are matched exactly, with no
 * case folding, and always sent quoted, so any name PostgreSQL takes as a quoted identifier
 * works: {@code "MiXeDCaSe!"}, {@code "order items"}, even {@code x"; DROP TABLE y; --}, which is
 * only a name. A name that is empty, holds a NUL character or is over 63 bytes in UTF-8 fails
 * with an {@link IllegalArgumentException} before any SQL is sent. Where a name may be
 * qualified by a schema, {@code schema.name}, a dot separates the two; write a part that holds
 * a dot, or starts with a double quote, in double quotes with inner quotes doubled, as in SQL:
 * {@code app."v1.2"}. Expressions ({@code CHECK},
 * {@code WHERE}, {@code DEFAULT}, generated columns) are SQL written by the developer, never by
 * end users; they are sent as given, after a check that they cannot end the statement
 * ({@code ;}, comments and unbalanced parentheses or quotes are refused).
 */
@NullMarked
package io.pgrecord.schema;

import org.jspecify.annotations.NullMarked;
