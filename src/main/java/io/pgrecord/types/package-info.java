/**
 * Java values for the PostgreSQL types that JDBC, R2DBC and jOOQ leave without one:
 * multiranges, {@code macaddr}, {@code bit}, full-text search, {@code jsonpath} and geometry,
 * plus {@link io.pgrecord.types.PgTypes}, the jOOQ data types that bind them on both backends.
 *
 * <p>Every value type is immutable, thread-safe and compares by value. Its {@code toString()} is
 * PostgreSQL's text output form and its parser reads that form back; malformed input fails with
 * an {@link java.lang.IllegalArgumentException} that names the type and quotes the input.
 */
@NullMarked
package io.pgrecord.types;

import org.jspecify.annotations.NullMarked;
