package io.pgrecord.schema;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@link Inspector} for the reactive backend: the same methods, with the same arguments and
 * name rules, each returning a {@code Mono} of the same result. Nothing is sent until it is
 * subscribed; a refused name arrives as the {@code Mono}'s error. Obtained from
 * {@code AsyncPostgresBackend.inspector()}, which connects on first use.
 * {@snippet class=io.pgrecord.javadoc.SchemaExamplesTest region=async-inspector}
 */
public interface AsyncInspector {

    /** Ordinary and partitioned tables, partitions included; foreign tables are not. */
    Mono<List<TableInfo>> tables(String schema);

    /** Views. */
    Mono<List<TableInfo>> views(String schema);

    /** Materialized views. */
    Mono<List<TableInfo>> materializedViews(String schema);

    /** Foreign tables. */
    Mono<List<TableInfo>> foreignTables(String schema);

    /** Sequences, those behind identity and serial columns included. */
    Mono<List<TableInfo>> sequences(String schema);

    /** The columns of a table, view or materialized view, in column order. */
    Mono<List<ColumnInfo>> columns(String table);

    /** The indexes of a table, those behind PRIMARY KEY, UNIQUE and EXCLUDE included, by name. */
    Mono<List<IndexInfo>> indexes(String table);

    /** The foreign keys of a table, by name. */
    Mono<List<ForeignKeyInfo>> foreignKeys(String table);

    /** The PRIMARY KEY, FOREIGN KEY, UNIQUE, CHECK and EXCLUDE constraints of a table, by name. */
    Mono<List<ConstraintInfo>> constraints(String table);

    /** Enum types with their labels in sort order. */
    Mono<List<EnumInfo>> enums(String schema);

    /** Domains with their base type and checks. */
    Mono<List<DomainInfo>> domains(String schema);

    /** Installed extensions, by name. */
    Mono<List<ExtensionInfo>> extensions();

    /** Whether a table, partitioned table, view, materialized view or foreign table of that name exists. */
    Mono<Boolean> hasTable(String table);

    /** Whether a type (enum, domain, base, composite, range...) of that name exists in the schema, or in any with {@code "*"}. */
    Mono<Boolean> hasType(String name, String schema);

    /** Whether a type of that name is visible on the search path. */
    Mono<Boolean> hasType(String name);
}
