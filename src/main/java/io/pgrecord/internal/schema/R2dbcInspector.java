package io.pgrecord.internal.schema;

import io.pgrecord.internal.r2dbc.R2dbcRunner;
import io.pgrecord.schema.AsyncInspector;
import io.pgrecord.schema.ColumnInfo;
import io.pgrecord.schema.ConstraintInfo;
import io.pgrecord.schema.DomainInfo;
import io.pgrecord.schema.EnumInfo;
import io.pgrecord.schema.ExtensionInfo;
import io.pgrecord.schema.ForeignKeyInfo;
import io.pgrecord.schema.IndexInfo;
import io.pgrecord.schema.TableInfo;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** {@link AsyncInspector} on the reactive executor: each method runs its shared catalog query when subscribed. */
final class R2dbcInspector implements AsyncInspector {

    private final R2dbcRunner runner;

    R2dbcInspector(R2dbcRunner runner) {
        this.runner = runner;
    }

    private <T> Mono<T> run(Supplier<CatalogQueries.Plan<T>> plan) {
        return Mono.defer(() -> runner.run(plan.get()));
    }

    @Override
    public Mono<List<TableInfo>> tables(String schema) {
        return run(() -> CatalogQueries.relations(schema, "r", "p"));
    }

    @Override
    public Mono<List<TableInfo>> views(String schema) {
        return run(() -> CatalogQueries.relations(schema, "v"));
    }

    @Override
    public Mono<List<TableInfo>> materializedViews(String schema) {
        return run(() -> CatalogQueries.relations(schema, "m"));
    }

    @Override
    public Mono<List<TableInfo>> foreignTables(String schema) {
        return run(() -> CatalogQueries.relations(schema, "f"));
    }

    @Override
    public Mono<List<TableInfo>> sequences(String schema) {
        return run(() -> CatalogQueries.relations(schema, "S"));
    }

    @Override
    public Mono<List<ColumnInfo>> columns(String table) {
        return run(() -> CatalogQueries.columns(table));
    }

    @Override
    public Mono<List<IndexInfo>> indexes(String table) {
        return run(() -> CatalogQueries.indexes(table));
    }

    @Override
    public Mono<List<ForeignKeyInfo>> foreignKeys(String table) {
        return run(() -> CatalogQueries.foreignKeys(table));
    }

    @Override
    public Mono<List<ConstraintInfo>> constraints(String table) {
        return run(() -> CatalogQueries.constraints(table));
    }

    @Override
    public Mono<List<EnumInfo>> enums(String schema) {
        return run(() -> CatalogQueries.enums(schema));
    }

    @Override
    public Mono<List<DomainInfo>> domains(String schema) {
        return run(() -> CatalogQueries.domains(schema));
    }

    @Override
    public Mono<List<ExtensionInfo>> extensions() {
        return run(() -> CatalogQueries.extensions());
    }

    @Override
    public Mono<Boolean> hasTable(String table) {
        return run(() -> CatalogQueries.hasTable(table));
    }

    @Override
    public Mono<Boolean> hasType(String name, String schema) {
        return run(() -> CatalogQueries.hasType(name, schema));
    }

    @Override
    public Mono<Boolean> hasType(String name) {
        return run(() -> CatalogQueries.hasType(name));
    }
}
