/**
 * pgrecord: an ActiveRecord layer for PostgreSQL on jOOQ, blocking (pgjdbc + HikariCP) and
 * reactive (R2DBC).
 *
 * <p>pgrecord reads and writes model fields reflectively, so a module that holds models opens
 * their package to it: {@code opens com.example.models to io.pgrecord;}.
 */
// pgjdbc, Reactor, Reactive Streams and R2DBC ship no module descriptor, only an
// Automatic-Module-Name: requiring them by that name is the only way, so the warning is moot
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.pgrecord {
    exports io.pgrecord;
    exports io.pgrecord.error;
    exports io.pgrecord.schema;
    exports io.pgrecord.types;
    exports io.pgrecord.test;
    // Spring Boot auto-configuration; Spring is optional, present only in Spring applications
    exports io.pgrecord.spring;
    opens io.pgrecord.spring to spring.core, spring.beans, spring.context;

    // in public signatures: DSLContext, Record and the jOOQ data types; the ranges of PgTypes;
    // Mono and Flux; Publisher; SQLException in the bindings of io.pgrecord.types
    requires transitive org.jooq;
    requires transitive org.jooq.postgres.extensions;
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires transitive java.sql;
    // nullness annotations on the API: seen by consumers' tools, not needed at run time
    requires static transitive org.jspecify;
    // Bean Validation is honoured when the application has a provider, optional otherwise
    requires static jakarta.validation;
    // io.pgrecord.test, the JUnit 5 extension: optional, present in an application's tests only.
    // Not transitive, though its types name JUnit's: else every consumer would need JUnit to compile.
    requires static org.junit.jupiter.api;
    requires static org.junit.platform.commons;
    requires static embedded.postgres;
    // Micrometer: needed only by applications that set a registry, which have it. Not transitive,
    // or a consumer module could not compile without it (the builder's meterRegistry and
    // observationRegistry suppress the "exports" lint for that)
    requires static micrometer.core;
    requires static micrometer.observation;
    requires static spring.core;
    requires static spring.beans;
    requires static spring.context;
    requires static spring.jdbc;
    requires static spring.tx;
    requires static spring.r2dbc;
    requires static spring.boot;
    // its annotations are on the exported PgRecordAutoConfiguration
    requires static transitive spring.boot.autoconfigure;

    // the SQL log, logger io.pgrecord.sql
    requires org.slf4j;
    requires org.postgresql.jdbc;
    requires com.zaxxer.hikari;
    requires r2dbc.spi;
    requires r2dbc.postgresql;
    requires r2dbc.pool;
    requires io.netty.buffer;
    requires com.fasterxml.jackson.core;
    // ObjectMapper is in PostgresConnectionConfig's signature (jsonMapper)
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
}
