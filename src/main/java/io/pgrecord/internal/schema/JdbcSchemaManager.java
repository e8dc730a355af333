package io.pgrecord.internal.schema;

import io.pgrecord.internal.jdbc.JdbcRunner;
import io.pgrecord.schema.Domain;
import io.pgrecord.schema.Exclude;
import io.pgrecord.schema.Index;
import io.pgrecord.schema.Partition;
import io.pgrecord.schema.SchemaManager;
import io.pgrecord.schema.TableOptions;
import org.jooq.Select;
import org.jspecify.annotations.Nullable;

/** {@link SchemaManager} on the blocking executor: each method runs its shared plan. */
final class JdbcSchemaManager implements SchemaManager {

    private final JdbcRunner runner;

    JdbcSchemaManager(JdbcRunner runner) {
        this.runner = runner;
    }

    private void run(SchemaStatements.Plan plan) {
        runner.run(plan);
    }

    @Override
    public void createTable(Class<?> model) {
        run(SchemaStatements.createTable(model, TableOptions.defaults(), false));
    }

    @Override
    public void createTable(Class<?> model, TableOptions options) {
        run(SchemaStatements.createTable(model, options, false));
    }

    @Override
    public void createTableIfNotExists(Class<?> model) {
        run(SchemaStatements.createTable(model, TableOptions.defaults(), true));
    }

    @Override
    public void createTableIfNotExists(Class<?> model, TableOptions options) {
        run(SchemaStatements.createTable(model, options, true));
    }

    @Override
    public void createPartition(Partition partition) {
        run(SchemaStatements.createPartition(partition));
    }

    @Override
    public void dropTable(Class<?> model) {
        run(SchemaStatements.dropTable(model, false));
    }

    @Override
    public void dropTableIfExists(Class<?> model) {
        run(SchemaStatements.dropTable(model, true));
    }

    @Override
    public void dropTable(String table) {
        run(SchemaStatements.dropTable(table, false));
    }

    @Override
    public void dropTableIfExists(String table) {
        run(SchemaStatements.dropTable(table, true));
    }

    @Override
    public void createEnum(Class<? extends Enum<?>> type) {
        run(SchemaStatements.createEnum(type, false));
    }

    @Override
    public void createEnumIfNotExists(Class<? extends Enum<?>> type) {
        run(SchemaStatements.createEnum(type, true));
    }

    @Override
    public void createEnum(String name, String... labels) {
        run(SchemaStatements.createEnum(name, labels, false));
    }

    @Override
    public void createEnumIfNotExists(String name, String... labels) {
        run(SchemaStatements.createEnum(name, labels, true));
    }

    @Override
    public void addEnumValue(String type, String label) {
        run(SchemaStatements.addEnumValue(type, label, false, null, null));
    }

    @Override
    public void addEnumValueIfNotExists(String type, String label) {
        run(SchemaStatements.addEnumValue(type, label, true, null, null));
    }

    @Override
    public void addEnumValueBefore(String type, String label, String existing) {
        run(SchemaStatements.addEnumValue(type, label, false, "before", existing));
    }

    @Override
    public void addEnumValueAfter(String type, String label, String existing) {
        run(SchemaStatements.addEnumValue(type, label, false, "after", existing));
    }

    @Override
    public void renameEnumValue(String type, String from, String to) {
        run(SchemaStatements.renameEnumValue(type, from, to));
    }

    @Override
    public void dropEnum(String name) {
        run(SchemaStatements.dropEnum(name, false));
    }

    @Override
    public void dropEnumIfExists(String name) {
        run(SchemaStatements.dropEnum(name, true));
    }

    @Override
    public void dropEnumIfExists(Class<? extends Enum<?>> type) {
        run(SchemaStatements.dropEnum(type, true));
    }

    @Override
    public void createDomain(Domain domain) {
        run(SchemaStatements.createDomain(domain));
    }

    @Override
    public void dropDomain(String name) {
        run(SchemaStatements.dropDomain(name, false));
    }

    @Override
    public void dropDomainIfExists(String name) {
        run(SchemaStatements.dropDomain(name, true));
    }

    @Override
    public void createIndex(Index index) {
        run(SchemaStatements.createIndex(index));
    }

    @Override
    public void dropIndex(String name) {
        run(SchemaStatements.dropIndex(name, false));
    }

    @Override
    public void dropIndexIfExists(String name) {
        run(SchemaStatements.dropIndex(name, true));
    }

    @Override
    public void addExcludeConstraint(Exclude exclude) {
        run(SchemaStatements.addExcludeConstraint(exclude));
    }

    @Override
    public void dropConstraint(String table, String name) {
        run(SchemaStatements.dropConstraint(table, name));
    }

    @Override
    public void createExtension(String name) {
        run(SchemaStatements.createExtension(name, false));
    }

    @Override
    public void createExtensionIfNotExists(String name) {
        run(SchemaStatements.createExtension(name, true));
    }

    @Override
    public void dropExtensionIfExists(String name) {
        run(SchemaStatements.dropExtension(name));
    }

    @Override
    public void commentOnTable(String table, @Nullable String comment) {
        run(SchemaStatements.commentOnTable(table, comment));
    }

    @Override
    public void commentOnColumn(String table, String column, @Nullable String comment) {
        run(SchemaStatements.commentOnColumn(table, column, comment));
    }

    @Override
    public void createMaterializedView(String name, Select<?> query) {
        run(SchemaStatements.createMaterializedView(name, query, true));
    }

    @Override
    public void createMaterializedView(String name, Select<?> query, boolean withData) {
        run(SchemaStatements.createMaterializedView(name, query, withData));
    }

    @Override
    public void refreshMaterializedView(String name) {
        run(SchemaStatements.refreshMaterializedView(name, false));
    }

    @Override
    public void refreshMaterializedViewConcurrently(String name) {
        run(SchemaStatements.refreshMaterializedView(name, true));
    }

    @Override
    public void dropMaterializedView(String name) {
        run(SchemaStatements.dropMaterializedView(name, false));
    }

    @Override
    public void dropMaterializedViewIfExists(String name) {
        run(SchemaStatements.dropMaterializedView(name, true));
    }
}
