package io.pgrecord.schema;

import org.jooq.Select;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link SchemaManager} for the reactive backend: the same methods, each returning a
 * {@code Mono<Void>} that completes when the DDL is done. Nothing is sent until it is
 * subscribed; validation errors and capability gates arrive as the {@code Mono}'s error, still
 * before any SQL. Obtained from {@code AsyncPostgresBackend.schema()}, which connects on first
 * use. It runs on the same executor as the reactive models.
 * {@snippet class=io.pgrecord.javadoc.SchemaExamplesTest region=async-schema}
 */
public interface AsyncSchemaManager {

    /** {@code CREATE TABLE} for a model class (blocking or reactive). */
    Mono<Void> createTable(Class<?> model);

    /** {@code CREATE TABLE} for a model, UNLOGGED, TEMPORARY, INHERITS or PARTITION BY. */
    Mono<Void> createTable(Class<?> model, TableOptions options);

    /** {@code CREATE TABLE IF NOT EXISTS}; its indexes use {@code IF NOT EXISTS} too. */
    Mono<Void> createTableIfNotExists(Class<?> model);

    /** {@code CREATE TABLE IF NOT EXISTS} with options. */
    Mono<Void> createTableIfNotExists(Class<?> model, TableOptions options);

    /** {@code CREATE TABLE ... PARTITION OF ... FOR VALUES ...}. */
    Mono<Void> createPartition(Partition partition);

    /** {@code DROP TABLE} of a model's table. */
    Mono<Void> dropTable(Class<?> model);

    /** {@code DROP TABLE IF EXISTS} of a model's table. */
    Mono<Void> dropTableIfExists(Class<?> model);

    /** {@code DROP TABLE} by name, e.g. a partition. */
    Mono<Void> dropTable(String table);

    /** {@code DROP TABLE IF EXISTS} by name. */
    Mono<Void> dropTableIfExists(String table);

    /** {@code CREATE TYPE ... AS ENUM} from a Java enum: the type name and labels the model layer uses. */
    Mono<Void> createEnum(Class<? extends Enum<?>> type);

    /**
     * Like {@link #createEnum(Class)}, doing nothing when an enum of that name exists (whatever its
     * labels). Another kind of type of that name (a table's row type, a domain) does not count: the
     * {@code CREATE TYPE} is sent, and the server's "already exists" error is raised as a
     * {@code DatabaseException}.
     */
    Mono<Void> createEnumIfNotExists(Class<? extends Enum<?>> type);

    /**
     * {@code CREATE TYPE name AS ENUM (labels)}; labels may hold quotes, and none makes an enum
     * without labels. A null label is refused with {@code IllegalArgumentException} before any SQL.
     */
    Mono<Void> createEnum(String name, String... labels);

    /**
     * Like {@link #createEnum(String, String...)}, doing nothing when an enum of that name exists
     * (whatever its labels). Another kind of type of that name (a table's row type, a domain) does
     * not count: the {@code CREATE TYPE} is sent, and the server's "already exists" error is raised
     * as a {@code DatabaseException}.
     */
    Mono<Void> createEnumIfNotExists(String name, String... labels);

    /** {@code ALTER TYPE name ADD VALUE label}, at the end. */
    Mono<Void> addEnumValue(String type, String label);

    /** {@code ALTER TYPE name ADD VALUE IF NOT EXISTS label}. */
    Mono<Void> addEnumValueIfNotExists(String type, String label);

    /** {@code ALTER TYPE name ADD VALUE label BEFORE existing}. */
    Mono<Void> addEnumValueBefore(String type, String label, String existing);

    /** {@code ALTER TYPE name ADD VALUE label AFTER existing}. */
    Mono<Void> addEnumValueAfter(String type, String label, String existing);

    /** {@code ALTER TYPE name RENAME VALUE from TO to}. */
    Mono<Void> renameEnumValue(String type, String from, String to);

    /** {@code DROP TYPE} of an enum. */
    Mono<Void> dropEnum(String name);

    /** {@code DROP TYPE IF EXISTS}. */
    Mono<Void> dropEnumIfExists(String name);

    /** {@code DROP TYPE IF EXISTS} of a Java enum's type. */
    Mono<Void> dropEnumIfExists(Class<? extends Enum<?>> type);

    /** {@code CREATE DOMAIN}. */
    Mono<Void> createDomain(Domain domain);

    /** {@code DROP DOMAIN}. */
    Mono<Void> dropDomain(String name);

    /** {@code DROP DOMAIN IF EXISTS}. */
    Mono<Void> dropDomainIfExists(String name);

    /** {@code CREATE INDEX}, with the options of {@link Index}. */
    Mono<Void> createIndex(Index index);

    /** {@code DROP INDEX} by name, {@code name} or {@code schema.name}. */
    Mono<Void> dropIndex(String name);

    /** {@code DROP INDEX IF EXISTS}. */
    Mono<Void> dropIndexIfExists(String name);

    /** {@code ALTER TABLE ... ADD [CONSTRAINT name] EXCLUDE USING ...}. */
    Mono<Void> addExcludeConstraint(Exclude exclude);

    /** {@code ALTER TABLE table DROP CONSTRAINT name}. */
    Mono<Void> dropConstraint(String table, String name);

    /** {@code CREATE EXTENSION}. */
    Mono<Void> createExtension(String name);

    /** {@code CREATE EXTENSION IF NOT EXISTS}, e.g. {@code btree_gist}. */
    Mono<Void> createExtensionIfNotExists(String name);

    /** {@code DROP EXTENSION IF EXISTS}. */
    Mono<Void> dropExtensionIfExists(String name);

    /** {@code COMMENT ON TABLE}; null removes the comment. */
    Mono<Void> commentOnTable(String table, @Nullable String comment);

    /** {@code COMMENT ON COLUMN}; null removes the comment. */
    Mono<Void> commentOnColumn(String table, String column, @Nullable String comment);

    /** {@code CREATE MATERIALIZED VIEW name AS query}, filled at once. */
    Mono<Void> createMaterializedView(String name, Select<?> query);

    /** {@code CREATE MATERIALIZED VIEW name AS query}, with {@code WITH NO DATA} when {@code withData} is false. */
    Mono<Void> createMaterializedView(String name, Select<?> query, boolean withData);

    /** {@code REFRESH MATERIALIZED VIEW}. */
    Mono<Void> refreshMaterializedView(String name);

    /** {@code REFRESH MATERIALIZED VIEW CONCURRENTLY}: readers are not blocked; the view needs a unique index. */
    Mono<Void> refreshMaterializedViewConcurrently(String name);

    /** {@code DROP MATERIALIZED VIEW}. */
    Mono<Void> dropMaterializedView(String name);

    /** {@code DROP MATERIALIZED VIEW IF EXISTS}. */
    Mono<Void> dropMaterializedViewIfExists(String name);
}
