package io.pgrecord.internal.schema;

import io.pgrecord.internal.jdbc.JdbcRunner;
import io.pgrecord.schema.ColumnInfo;
import io.pgrecord.schema.ConstraintInfo;
import io.pgrecord.schema.DomainInfo;
import io.pgrecord.schema.EnumInfo;
import io.pgrecord.schema.ExtensionInfo;
import io.pgrecord.schema.ForeignKeyInfo;
import io.pgrecord.schema.IndexInfo;
import io.pgrecord.schema.Inspector;
import io.pgrecord.schema.TableInfo;
import java.util.List;

/** {@link Inspector} on the blocking executor: each method runs its shared catalog query. */
final class JdbcInspector implements Inspector {

    private final JdbcRunner runner;

    JdbcInspector(JdbcRunner runner) {
        this.runner = runner;
    }

    @Override
    public List<TableInfo> tables(String schema) {
        return runner.run(CatalogQueries.relations(schema, "r", "p"));
    }

    @Override
    public List<TableInfo> views(String schema) {
        return runner.run(CatalogQueries.relations(schema, "v"));
    }

    @Override
    public List<TableInfo> materializedViews(String schema) {
        return runner.run(CatalogQueries.relations(schema, "m"));
    }

    @Override
    public List<TableInfo> foreignTables(String schema) {
        return runner.run(CatalogQueries.relations(schema, "f"));
    }

    @Override
    public List<TableInfo> sequences(String schema) {
        return runner.run(CatalogQueries.relations(schema, "S"));
    }

    @Override
    public List<ColumnInfo> columns(String table) {
        return runner.run(CatalogQueries.columns(table));
    }

    @Override
    public List<IndexInfo> indexes(String table) {
        return runner.run(CatalogQueries.indexes(table));
    }

    @Override
    public List<ForeignKeyInfo> foreignKeys(String table) {
        return runner.run(CatalogQueries.foreignKeys(table));
    }

    @Override
    public List<ConstraintInfo> constraints(String table) {
        return runner.run(CatalogQueries.constraints(table));
    }

    @Override
    public List<EnumInfo> enums(String schema) {
        return runner.run(CatalogQueries.enums(schema));
    }

    @Override
    public List<DomainInfo> domains(String schema) {
        return runner.run(CatalogQueries.domains(schema));
    }

    @Override
    public List<ExtensionInfo> extensions() {
        return runner.run(CatalogQueries.extensions());
    }

    @Override
    public boolean hasTable(String table) {
        return runner.run(CatalogQueries.hasTable(table));
    }

    @Override
    public boolean hasType(String name, String schema) {
        return runner.run(CatalogQueries.hasType(name, schema));
    }

    @Override
    public boolean hasType(String name) {
        return runner.run(CatalogQueries.hasType(name));
    }
}
