package io.pgrecord.schema;

import java.util.List;

/**
 * Reads the schema back from PostgreSQL's catalog, on the blocking backend. Obtained from
 * {@code PostgresBackend.inspector()}; thread-safe. {@link AsyncInspector} is the reactive twin.
 * {@snippet class=io.pgrecord.javadoc.SchemaExamplesTest region=inspector}
 *
 * <p><b>Arguments.</b> A {@code schema} argument is a schema name, or {@code "*"} for every
 * schema except {@code pg_catalog}, {@code information_schema}, the toast schemas and other
 * sessions' temporary schemas; {@code pg_temp} is this session's temporary schema. A
 * {@code table} argument is {@code name}, found on the search path like an unqualified name in
 * SQL, or {@code schema.name} ({@code pg_temp.name} for a temporary table). Names are matched
 * exactly (no case folding) and may hold any character but NUL, up to 63 bytes:
 * {@code columns("MiXeDCaSe!")} reads the table created as {@code "MiXeDCaSe!"}. A part that
 * holds a dot, or starts with a double quote, is written in double quotes ({@code app."v1.2"});
 * see {@link io.pgrecord.schema the package}. An empty, NUL-holding or too long name throws
 * {@link IllegalArgumentException} before any SQL. An unknown table gives empty lists. Lists are ordered by schema and name unless a method says otherwise.
 * Every query works on PostgreSQL 12 through 18.
 */
public interface Inspector {

    /** Ordinary and partitioned tables, partitions included; foreign tables are not. */
    List<TableInfo> tables(String schema);

    /** Views. */
    List<TableInfo> views(String schema);

    /** Materialized views. */
    List<TableInfo> materializedViews(String schema);

    /** Foreign tables. */
    List<TableInfo> foreignTables(String schema);

    /** Sequences, those behind identity and serial columns included. */
    List<TableInfo> sequences(String schema);

    /** The columns of a table, view or materialized view, in column order. */
    List<ColumnInfo> columns(String table);

    /** The indexes of a table, those behind PRIMARY KEY, UNIQUE and EXCLUDE included, by name. */
    List<IndexInfo> indexes(String table);

    /** The foreign keys of a table, by name. */
    List<ForeignKeyInfo> foreignKeys(String table);

    /** The PRIMARY KEY, FOREIGN KEY, UNIQUE, CHECK and EXCLUDE constraints of a table, by name. */
    List<ConstraintInfo> constraints(String table);

    /** Enum types with their labels in sort order. */
    List<EnumInfo> enums(String schema);

    /** Domains with their base type and checks. */
    List<DomainInfo> domains(String schema);

    /** Installed extensions, by name. */
    List<ExtensionInfo> extensions();

    /** Whether a table, partitioned table, view, materialized view or foreign table of that name exists. */
    boolean hasTable(String table);

    /** Whether a type (enum, domain, base, composite, range...) of that name exists in the schema, or in any with {@code "*"}. */
    boolean hasType(String name, String schema);

    /** Whether a type of that name is visible on the search path. */
    boolean hasType(String name);
}
