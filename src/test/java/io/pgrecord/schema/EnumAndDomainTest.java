package io.pgrecord.schema;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.Model;
import io.pgrecord.error.CheckViolationException;
import io.pgrecord.error.SqlSyntaxException;
import io.pgrecord.models.SchemaMood;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.SchemaViews;
import io.pgrecord.testing.TestDatabase;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PgExtension.class)
@Tag("matrix")
class EnumAndDomainTest {

    @BothBackends
    void enumLifecycle(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        String type = "status_" + exec.name().toLowerCase(Locale.ROOT);

        schema.createEnumIfNotExists(type, "new", "done");
        schema.createEnumIfNotExists(type, "new", "done", "ignored");             // exists: nothing changes
        assertThat(labels(insp, type)).containsExactly("new", "done");

        schema.addEnumValueBefore(type, "started", "done");
        schema.addEnumValueAfter(type, "archived", "done");
        schema.addEnumValue(type, "it's \"quoted\"");
        schema.addEnumValueIfNotExists(type, "new");                                // already there
        assertThat(labels(insp, type)).containsExactly("new", "started", "done", "archived", "it's \"quoted\"");
        assertThat(db.queryValue("SELECT 'it''s \"quoted\"'::" + type + "::text")).isEqualTo("it's \"quoted\"");

        schema.renameEnumValue(type, "archived", "filed");
        assertThat(labels(insp, type)).containsExactly("new", "started", "done", "filed", "it's \"quoted\"");
        assertThat(insp.hasType(type, "*")).isTrue();
        assertThat(insp.hasType(type, "public")).isTrue();
        assertThat(insp.hasType(type)).isTrue();
        assertThat(insp.enums("*")).filteredOn(e -> e.name().equals(type))
                .containsExactly(new EnumInfo(type, "public", true, List.of("new", "started", "done", "filed", "it's \"quoted\"")));

        assertThatThrownBy(() -> db.execute("SELECT 'nope'::" + type)).hasMessageContaining("invalid input value for enum");
        schema.dropEnum(type);
        schema.dropEnumIfExists(type);
        assertThat(insp.hasType(type, "*")).isFalse();
    }

    @BothBackends
    void enumFromAJavaEnumUsesTheModelLayersNameAndLabels(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        schema.dropEnumIfExists(SchemaMood.class);
        schema.createEnum(SchemaMood.class);
        schema.createEnumIfNotExists(SchemaMood.class);
        assertThat(insp.enums("public")).filteredOn(e -> e.name().equals("mood"))
                .containsExactly(new EnumInfo("mood", "public", true, List.of("SAD", "OK", "it's great")));
        assertThatThrownBy(() -> schema.createEnum(SchemaMood.class)).isInstanceOf(io.pgrecord.error.DatabaseException.class)
                .hasMessageContaining("already exists");
        schema.dropEnumIfExists(SchemaMood.class);
        assertThat(insp.hasType("mood")).isFalse();
    }

    @BothBackends
    void builtInTypeNamesAreRefusedBeforeAnySql(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        io.pgrecord.StatementLog log = exec == Exec.JDBC ? db.blocking().statementLog() : db.async().statementLog();
        log.start();
        assertThatThrownBy(() -> schema.createEnum("text", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enum type name 'text' clashes with the built-in PostgreSQL type text; choose another name");
        assertThatThrownBy(() -> schema.createEnumIfNotExists("Integer", "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in PostgreSQL type integer");
        assertThatThrownBy(() -> schema.createDomain(Domain.named("uuid").as("text")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in PostgreSQL type uuid");
        assertThatThrownBy(() -> schema.createEnum("twice", "a", "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
        assertThat(log.stop()).isEmpty();
    }

    @BothBackends
    void anEnumWithoutLabelsIsAnEnum(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        String type = "empty_" + exec.name().toLowerCase(Locale.ROOT);
        schema.createEnum(type);
        schema.createEnumIfNotExists(type + "_b");
        schema.createEnumIfNotExists(type + "_b");                                 // exists: nothing changes
        // jOOQ's createType(...).asEnum() of no labels made an empty composite type (typtype c)
        assertThat(insp.enums("public")).filteredOn(e -> e.name().startsWith(type)).containsExactlyInAnyOrder(
                new EnumInfo(type, "public", true, List.of()), new EnumInfo(type + "_b", "public", true, List.of()));
        schema.addEnumValue(type, "first");
        assertThat(labels(insp, type)).containsExactly("first");
    }

    @BothBackends
    void aNullLabelIsRefusedBeforeAnySql(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        io.pgrecord.StatementLog log = exec == Exec.JDBC ? db.blocking().statementLog() : db.async().statementLog();
        String type = "nulls_" + exec.name().toLowerCase(Locale.ROOT);
        log.start();
        assertThatThrownBy(() -> schema.createEnum(type, "a", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("enum label must not be null");
        assertThatThrownBy(() -> schema.createEnumIfNotExists(type, (String) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("enum label must not be null");
        assertThat(log.stop()).isEmpty();
        assertThat(insp.hasType(type, "*")).isFalse();
    }

    @BothBackends
    void ifNotExistsCountsOnlyAnEnumOfThatName(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        // in a schema of its own, so that the other tests' listings of public stay as they are
        String kinds = "kinds_" + exec.name().toLowerCase(Locale.ROOT);
        String table = kinds + ".rowtype";
        String domain = kinds + ".dom";
        db.execute("CREATE SCHEMA " + kinds);
        db.execute("CREATE TABLE " + table + " (x int)");
        schema.createDomain(Domain.named(domain).as("integer"));
        // a table's row type or a domain is no enum: the CREATE TYPE is sent and the server refuses it
        assertThatThrownBy(() -> schema.createEnumIfNotExists(table, "a"))
                .isInstanceOf(io.pgrecord.error.DatabaseException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> schema.createEnumIfNotExists(domain, "a"))
                .isInstanceOf(io.pgrecord.error.DatabaseException.class).hasMessageContaining("already exists");
        assertThat(insp.enums(kinds)).isEmpty();
        assertThat(insp.tables(kinds)).extracting(TableInfo::name).containsExactly("rowtype");
        assertThat(insp.domains(kinds)).extracting(DomainInfo::name).containsExactly("dom");
    }

    @BothBackends
    void domainCheckAcceptsFourAndRejectsMinusFour(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        ModelOps ops = ModelOps.on(exec, db);
        schema.dropTableIfExists(ops.type("Wallet"));
        schema.dropDomainIfExists("positive_int");
        schema.createDomain(Domain.named("positive_int").as("integer").notNull().check("VALUE > 0"));
        schema.createTable(ops.type("Wallet"));

        Model ok = ops.insert("Wallet", "coins", 4);
        assertThat((Integer) get(ops.getById("Wallet", get(ok, "id")), "coins")).isEqualTo(4);
        assertThatThrownBy(() -> ops.insert("Wallet", "coins", -4))
                .isInstanceOf(CheckViolationException.class)
                .satisfies(e -> assertThat(((CheckViolationException) e).constraintName()).isEqualTo("positive_int_check"));
        assertThat(db.queryValue("SELECT count(*) FROM wallets")).isEqualTo(1L);

        assertThat(insp.domains("public")).containsExactly(
                new DomainInfo("positive_int", "public", "integer", false, null, List.of("CHECK (VALUE > 0)")));
        assertThat(insp.columns("wallets")).extracting(ColumnInfo::name, ColumnInfo::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("id", "bigint"), org.assertj.core.groups.Tuple.tuple("coins", "positive_int"));
        assertThat(insp.hasType("positive_int", "public")).isTrue();
    }

    @BothBackends
    void domainWithDefaultAndNamedChecks(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        String name = "code_" + exec.name().toLowerCase(Locale.ROOT);
        schema.createDomain(Domain.named(name).as("varchar(8)").defaultValue("'n/a'")
                .check(name + "_upper", "VALUE = upper(VALUE)").check("length(VALUE) > 1"));
        assertThat(insp.domains("public")).filteredOn(d -> d.name().equals(name)).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo("character varying(8)");
            assertThat(d.nullable()).isTrue();
            assertThat(d.defaultValue()).isEqualTo("'n/a'::character varying");
            assertThat(d.checks()).containsExactlyInAnyOrder("CHECK (VALUE::text = upper(VALUE::text))",
                    "CHECK (length(VALUE::text) > 1)");
        });
        assertThatThrownBy(() -> db.execute("SELECT 'ab'::" + name)).hasMessageContaining(name + "_upper");
        assertThat(db.queryValue("SELECT 'AB'::" + name)).isEqualTo("AB");
        assertThatThrownBy(() -> db.on(exec).fetchValue("SELECT 'x'::" + name)).isInstanceOf(CheckViolationException.class);
        schema.dropDomain(name);
        assertThat(insp.domains("public")).noneMatch(d -> d.name().equals(name));
        assertThatThrownBy(() -> db.on(exec).fetchValue("SELECT 'AB'::" + name)).isInstanceOf(SqlSyntaxException.class);
    }

    private static List<String> labels(Inspector insp, String type) {
        return insp.enums("public").stream().filter(e -> e.name().equals(type)).findFirst().orElseThrow().labels();
    }
}
