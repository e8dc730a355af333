/**
 * Spring Boot integration: auto-configuration that builds {@link io.pgrecord.PostgresBackend}
 * and {@link io.pgrecord.AsyncPostgresBackend} beans on the application's {@code DataSource}
 * and R2DBC {@code ConnectionFactory}, whose model calls and {@code dsl()} join Spring's
 * transactions. Spring is an optional dependency: this package is used only when Spring Boot
 * is on the class path.
 */
@NullMarked
package io.pgrecord.spring;

import org.jspecify.annotations.NullMarked;
