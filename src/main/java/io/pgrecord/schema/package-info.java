/**
 * DDL and inspection: {@link io.pgrecord.schema.SchemaManager} creates tables from models, enums,
 * domains, indexes, EXCLUDE constraints, partitions and materialized views;
 * {@link io.pgrecord.schema.Inspector} reads the catalog back as records. Both come from a
 * backend ({@code backend.schema()}, {@code backend.inspector()}); the reactive backend's
 * {@link io.pgrecord.schema.AsyncSchemaManager} and {@link io.pgrecord.schema.AsyncInspector}
 * have the same methods, each returning a {@code Mono}.
 *
 * <p>Names (tables, columns, types, indexes) are identifiers: letters, digits, {@code _} and
 * {@code $}, starting with a letter or {@code _}, at most 63 bytes, optionally qualified by a
 * schema as {@code schema.name}. Anything else fails with an {@link IllegalArgumentException}
 * before any SQL is sent; valid names are always sent quoted. Expressions ({@code CHECK},
 * {@code WHERE}, {@code DEFAULT}, generated columns) are SQL written by the developer, never by
 * end users; they are sent as given, after a check that they cannot end the statement
 * ({@code ;}, comments and unbalanced parentheses or quotes are refused).
 */
@NullMarked
package io.pgrecord.schema;

import org.jspecify.annotations.NullMarked;
