package io.pgrecord.internal.schema;

import io.pgrecord.internal.r2dbc.R2dbcRunner;
import io.pgrecord.schema.AsyncSchemaManager;
import io.pgrecord.schema.Domain;
import io.pgrecord.schema.Exclude;
import io.pgrecord.schema.Index;
import io.pgrecord.schema.Partition;
import io.pgrecord.schema.TableOptions;
import java.util.function.Supplier;
import org.jooq.Select;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link AsyncSchemaManager} on the reactive executor: each method runs its shared plan when
 * subscribed, so argument errors and capability gates arrive as the {@code Mono}'s error.
 */
final class R2dbcSchemaManager implements AsyncSchemaManager {

    private final R2dbcRunner runner;

    R2dbcSchemaManager(R2dbcRunner runner) {
        this.runner = runner;
    }

    private Mono<Void> run(Supplier<SchemaStatements.Plan> plan) {
        return Mono.defer(() -> runner.run(plan.get())).then();
    }

    @Override
    public Mono<Void> createTable(Class<?> model) {
        return run(() -> SchemaStatements.createTable(model, TableOptions.defaults(), false));
    }

    @Override
    public Mono<Void> createTable(Class<?> model, TableOptions options) {
        return run(() -> SchemaStatements.createTable(model, options, false));
    }

    @Override
    public Mono<Void> createTableIfNotExists(Class<?> model) {
        return run(() -> SchemaStatements.createTable(model, TableOptions.defaults(), true));
    }

    @Override
    public Mono<Void> createTableIfNotExists(Class<?> model, TableOptions options) {
        return run(() -> SchemaStatements.createTable(model, options, true));
    }

    @Override
    public Mono<Void> createPartition(Partition partition) {
        return run(() -> SchemaStatements.createPartition(partition));
    }

    @Override
    public Mono<Void> dropTable(Class<?> model) {
        return run(() -> SchemaStatements.dropTable(model, false));
    }

    @Override
    public Mono<Void> dropTableIfExists(Class<?> model) {
        return run(() -> SchemaStatements.dropTable(model, true));
    }

    @Override
    public Mono<Void> dropTable(String table) {
        return run(() -> SchemaStatements.dropTable(table, false));
    }

    @Override
    public Mono<Void> dropTableIfExists(String table) {
        return run(() -> SchemaStatements.dropTable(table, true));
    }

    @Override
    public Mono<Void> createEnum(Class<? extends Enum<?>> type) {
        return run(() -> SchemaStatements.createEnum(type, false));
    }

    @Override
    public Mono<Void> createEnumIfNotExists(Class<? extends Enum<?>> type) {
        return run(() -> SchemaStatements.createEnum(type, true));
    }

    @Override
    public Mono<Void> createEnum(String name, String... labels) {
        return run(() -> SchemaStatements.createEnum(name, labels, false));
    }

    @Override
    public Mono<Void> createEnumIfNotExists(String name, String... labels) {
        return run(() -> SchemaStatements.createEnum(name, labels, true));
    }

    @Override
    public Mono<Void> addEnumValue(String type, String label) {
        return run(() -> SchemaStatements.addEnumValue(type, label, false, null, null));
    }

    @Override
    public Mono<Void> addEnumValueIfNotExists(String type, String label) {
        return run(() -> SchemaStatements.addEnumValue(type, label, true, null, null));
    }

    @Override
    public Mono<Void> addEnumValueBefore(String type, String label, String existing) {
        return run(() -> SchemaStatements.addEnumValue(type, label, false, "before", existing));
    }

    @Override
    public Mono<Void> addEnumValueAfter(String type, String label, String existing) {
        return run(() -> SchemaStatements.addEnumValue(type, label, false, "after", existing));
    }

    @Override
    public Mono<Void> renameEnumValue(String type, String from, String to) {
        return run(() -> SchemaStatements.renameEnumValue(type, from, to));
    }

    @Override
    public Mono<Void> dropEnum(String name) {
        return run(() -> SchemaStatements.dropEnum(name, false));
    }

    @Override
    public Mono<Void> dropEnumIfExists(String name) {
        return run(() -> SchemaStatements.dropEnum(name, true));
    }

    @Override
    public Mono<Void> dropEnumIfExists(Class<? extends Enum<?>> type) {
        return run(() -> SchemaStatements.dropEnum(type, true));
    }

    @Override
    public Mono<Void> createDomain(Domain domain) {
        return run(() -> SchemaStatements.createDomain(domain));
    }

    @Override
    public Mono<Void> dropDomain(String name) {
        return run(() -> SchemaStatements.dropDomain(name, false));
    }

    @Override
    public Mono<Void> dropDomainIfExists(String name) {
        return run(() -> SchemaStatements.dropDomain(name, true));
    }

    @Override
    public Mono<Void> createIndex(Index index) {
        return run(() -> SchemaStatements.createIndex(index));
    }

    @Override
    public Mono<Void> dropIndex(String name) {
        return run(() -> SchemaStatements.dropIndex(name, false));
    }

    @Override
    public Mono<Void> dropIndexIfExists(String name) {
        return run(() -> SchemaStatements.dropIndex(name, true));
    }

    @Override
    public Mono<Void> addExcludeConstraint(Exclude exclude) {
        return run(() -> SchemaStatements.addExcludeConstraint(exclude));
    }

    @Override
    public Mono<Void> dropConstraint(String table, String name) {
        return run(() -> SchemaStatements.dropConstraint(table, name));
    }

    @Override
    public Mono<Void> createExtension(String name) {
        return run(() -> SchemaStatements.createExtension(name, false));
    }

    @Override
    public Mono<Void> createExtensionIfNotExists(String name) {
        return run(() -> SchemaStatements.createExtension(name, true));
    }

    @Override
    public Mono<Void> dropExtensionIfExists(String name) {
        return run(() -> SchemaStatements.dropExtension(name));
    }

    @Override
    public Mono<Void> commentOnTable(String table, @Nullable String comment) {
        return run(() -> SchemaStatements.commentOnTable(table, comment));
    }

    @Override
    public Mono<Void> commentOnColumn(String table, String column, @Nullable String comment) {
        return run(() -> SchemaStatements.commentOnColumn(table, column, comment));
    }

    @Override
    public Mono<Void> createMaterializedView(String name, Select<?> query) {
        return run(() -> SchemaStatements.createMaterializedView(name, query, true));
    }

    @Override
    public Mono<Void> createMaterializedView(String name, Select<?> query, boolean withData) {
        return run(() -> SchemaStatements.createMaterializedView(name, query, withData));
    }

    @Override
    public Mono<Void> refreshMaterializedView(String name) {
        return run(() -> SchemaStatements.refreshMaterializedView(name, false));
    }

    @Override
    public Mono<Void> refreshMaterializedViewConcurrently(String name) {
        return run(() -> SchemaStatements.refreshMaterializedView(name, true));
    }

    @Override
    public Mono<Void> dropMaterializedView(String name) {
        return run(() -> SchemaStatements.dropMaterializedView(name, false));
    }

    @Override
    public Mono<Void> dropMaterializedViewIfExists(String name) {
        return run(() -> SchemaStatements.dropMaterializedView(name, true));
    }
}
