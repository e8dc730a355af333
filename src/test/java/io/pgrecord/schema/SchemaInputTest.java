package io.pgrecord.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.StatementLog;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.SchemaViews;
import io.pgrecord.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Names are matched exactly and sent quoted: any name PostgreSQL takes works, SQL-looking ones
 * are only names, and the names PostgreSQL refuses (empty, NUL, over 63 bytes) fail with
 * IllegalArgumentException before any SQL, as do malformed expressions.
 */
@ExtendWith(PgExtension.class)
class SchemaInputTest {

    /** What PostgreSQL refuses in a name, or would cut short: empty, NUL, over 63 bytes in UTF-8 (32 two-byte letters are 64). */
    private static final Map<String, String> REFUSED_NAMES = Map.of(
            "", "must not be empty",
            "x\u0000y", "cannot contain the NUL character",
            "x".repeat(64), "64 bytes in UTF-8, over PostgreSQL's limit of 63 bytes",
            "\u00e9".repeat(32), "64 bytes in UTF-8, over PostgreSQL's limit of 63 bytes");

    /** Legal quoted names, some of them SQL-looking: each is a name and nothing else. */
    private static final List<String> ODD_NAMES = List.of(
            "users; DROP TABLE victims", "x\"; DROP TABLE victims; --", "a b", "1abc", "tbl'--", "users)--", "$1",
            "MiXeDCaSe!", "x\"", "\u00e9".repeat(31) + "x", "(a)");

    private static StatementLog log(Exec exec, TestDatabase db) {
        return exec == Exec.JDBC ? db.blocking().statementLog() : db.async().statementLog();
    }

    /** Every name-taking call of the schema manager and the inspector, given one name. */
    private static List<Consumer<String>> everyNameTakingCall(SchemaManager schema, Inspector insp) {
        return List.of(
                schema::dropTable, schema::dropTableIfExists,
                n -> schema.createEnum(n, "a"), n -> schema.createEnumIfNotExists(n, "a"),
                n -> schema.addEnumValue(n, "x"), n -> schema.addEnumValueIfNotExists(n, "x"),
                n -> schema.addEnumValueBefore(n, "x", "a"), n -> schema.renameEnumValue(n, "a", "b"),
                schema::dropEnum, schema::dropEnumIfExists,
                n -> schema.createDomain(Domain.named(n).as("integer")), schema::dropDomain, schema::dropDomainIfExists,
                n -> schema.createIndex(Index.on("victims").named(n).columns("id")),
                n -> schema.createIndex(Index.on(n).columns("id")),
                n -> schema.createIndex(Index.on("victims").columns(n)),
                schema::dropIndex, schema::dropIndexIfExists,
                n -> schema.addExcludeConstraint(Exclude.on(n).element("id", "=")),
                n -> schema.dropConstraint("victims", n), n -> schema.dropConstraint(n, "c"),
                schema::createExtension, schema::createExtensionIfNotExists, schema::dropExtensionIfExists,
                n -> schema.commentOnTable(n, "c"), n -> schema.commentOnColumn("victims", n, "c"),
                n -> schema.commentOnColumn(n, "id", "c"),
                n -> schema.createMaterializedView(n, DSL.select(DSL.inline(1))),
                schema::refreshMaterializedView, schema::refreshMaterializedViewConcurrently,
                schema::dropMaterializedView, schema::dropMaterializedViewIfExists,
                n -> schema.createPartition(Partition.named(n).of("victims").asDefault()),
                insp::tables, insp::views, insp::materializedViews, insp::foreignTables, insp::sequences,
                insp::columns, insp::indexes, insp::foreignKeys, insp::constraints, insp::enums, insp::domains,
                insp::hasTable, n -> insp.hasType(n, "*"), n -> insp.hasType("t", n), insp::hasType);
    }

    @BothBackends
    void namesPostgresRefusesFailBeforeAnySql(Exec exec, TestDatabase db) {
        db.execute("CREATE TABLE IF NOT EXISTS victims (id int)");
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        StatementLog log = log(exec, db);
        log.start();
        REFUSED_NAMES.forEach((name, problem) -> {
            for (Consumer<String> use : everyNameTakingCall(schema, insp)) {
                assertThatThrownBy(() -> use.accept(name)).as("name '%s'", name).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(problem);
            }
        });
        // a null name is refused the same way
        assertThatThrownBy(() -> insp.columns(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("table name must not be null");
        assertThatThrownBy(() -> schema.dropIndex(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("index name must not be null");
        assertThat(log.stop()).isEmpty();
    }

    @BothBackends
    void sqlLookingNamesAreOnlyNames(Exec exec, TestDatabase db) {
        db.execute("CREATE TABLE IF NOT EXISTS victims (id int)", "DELETE FROM victims", "INSERT INTO victims VALUES (1)");
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        StatementLog log = log(exec, db);
        for (String name : ODD_NAMES) {
            log.start();
            schema.dropTableIfExists(name);
            schema.dropTableIfExists("public." + name);
            schema.dropEnumIfExists(name);
            schema.dropDomainIfExists(name);
            schema.dropIndexIfExists(name);
            schema.dropMaterializedViewIfExists(name);
            assertThat(insp.columns(name)).isEmpty();
            assertThat(insp.indexes(name)).isEmpty();
            assertThat(insp.foreignKeys(name)).isEmpty();
            assertThat(insp.constraints(name)).isEmpty();
            assertThat(insp.hasTable(name)).isFalse();
            assertThat(insp.tables(name)).isEmpty();
            assertThat(insp.enums(name)).isEmpty();
            assertThat(insp.hasType(name, "*")).isFalse();
            // each statement carried the name quoted, or as a bind value
            String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
            assertThat(log.stop()).as(name).filteredOn(sql -> sql.startsWith("drop")).hasSize(6)
                    .allSatisfy(sql -> assertThat(sql).contains(quoted));

            // created and dropped again through the schema manager
            schema.createEnum(name, "a", "it's");
            assertThat(insp.hasType(name, "public")).isTrue();
            assertThat(insp.enums("public")).filteredOn(e -> e.name().equals(name)).singleElement()
                    .satisfies(e -> assertThat(e.labels()).containsExactly("a", "it's"));
            schema.addEnumValue(name, "b");
            schema.dropEnum(name);
            assertThat(insp.hasType(name)).isFalse();
        }
        assertThat(db.queryValue("SELECT count(*) FROM victims")).isEqualTo(1L);
    }

    @BothBackends
    void aQuotedPartMayHoldADot(Exec exec, TestDatabase db) {
        db.execute("DROP SCHEMA IF EXISTS \"my.app\" CASCADE", "CREATE SCHEMA \"my.app\"",
                "CREATE TABLE \"my.app\".\"v1.2\" (id int, \"a.b\" text)", "CREATE TABLE IF NOT EXISTS \"\"\"q\"\"\" (id int)");
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        assertThat(insp.columns("\"my.app\".\"v1.2\"")).extracting(ColumnInfo::name).containsExactly("id", "a.b");
        assertThat(insp.tables("my.app")).extracting(TableInfo::name).containsExactly("v1.2");
        assertThat(insp.hasTable("\"v1.2\"")).isFalse();      // not on the search path
        // a name that starts with a double quote is written quoted, its quotes doubled
        assertThat(insp.columns("\"\"\"q\"\"\"")).extracting(ColumnInfo::name).containsExactly("id");
        assertThat(insp.columns("public.\"\"\"q\"\"\"")).extracting(ColumnInfo::name).containsExactly("id");
        schema.commentOnColumn("\"my.app\".\"v1.2\"", "a.b", "dotted");
        assertThat(db.queryValue("SELECT col_description('\"my.app\".\"v1.2\"'::regclass, 2)")).isEqualTo("dotted");
        schema.dropTable("\"my.app\".\"v1.2\"");
        schema.dropTable("\"\"\"q\"\"\"");
        assertThat(insp.tables("my.app")).isEmpty();
        assertThat(insp.hasTable("\"\"\"q\"\"\"")).isFalse();

        StatementLog log = log(exec, db);
        log.start();
        assertThatThrownBy(() -> insp.columns("a.b.c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid table name 'a.b.c': use name or schema.name");
        assertThatThrownBy(() -> schema.dropTable("\"v1.2")).hasMessageContaining("unterminated double quote");
        assertThatThrownBy(() -> schema.dropTable("\"a.b\".c.d")).hasMessageContaining("use name or schema.name");
        assertThatThrownBy(() -> schema.dropTable("\"v1\"2")).hasMessageContaining("must be followed by '.' or the end");
        assertThatThrownBy(() -> insp.indexes("app.")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> insp.indexes(".t")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> insp.indexes("\"\"")).hasMessageContaining("must not be empty");
        assertThat(log.stop()).isEmpty();
    }

    @Test
    void buildersCheckEachArgumentWhenGiven() {
        assertThatThrownBy(() -> Index.on("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table name must not be empty");
        assertThatThrownBy(() -> Index.on("users").columns("email", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index column must not be empty");
        assertThatThrownBy(() -> Index.on("users").named("i".repeat(64))).hasMessageContaining("over PostgreSQL's limit of 63 bytes");
        assertThatThrownBy(() -> Index.on("users").where("1=1); DROP TABLE users; --")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unbalanced ')'");
        assertThatThrownBy(() -> Index.on("users").where("1=1; DROP TABLE users")).hasMessageContaining("';'");
        assertThatThrownBy(() -> Index.on("users").where("a > 0 -- comment")).hasMessageContaining("a comment");
        assertThatThrownBy(() -> Index.on("users").where("(a > 0")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> Index.on("users").where("a = 'x")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> Index.on("users").where("a = $$x$$")).hasMessageContaining("'$'");
        assertThatThrownBy(() -> Index.on("users").using("gist\u0000")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> Exclude.on("b").element("room", "=; DROP TABLE b")).hasMessageContaining("invalid exclusion operator");
        assertThatThrownBy(() -> Exclude.on("b").element("room", "?")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Domain.named("d").as("integer; DROP TABLE x")).hasMessageContaining("invalid domain base type");
        assertThatThrownBy(() -> Domain.named("d").as("int").check("VALUE > 0) ; drop table x; --")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Domain.named("d").as("int").defaultValue("1/*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableOptions.defaults().partitionByRange("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableOptions.defaults().inherits("a.b.c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableOptions.defaults().unlogged().temporary()).hasMessageContaining("both UNLOGGED and TEMPORARY");
        assertThatThrownBy(() -> TableOptions.defaults().inherits("p").partitionByList("a")).hasMessageContaining("INHERITS");
        assertThatThrownBy(() -> Partition.named("p").of("t").hash(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Partition.named("p".repeat(64)).of("t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Exclude.on("b").named("x\u0000")).isInstanceOf(IllegalArgumentException.class);

        // what is allowed: quotes inside string literals, operators, qualified names, types with modifiers
        assertThat(Index.on("app.users").where("status <> 'it''s; not -- a comment'").predicate())
                .isEqualTo("status <> 'it''s; not -- a comment'");
        assertThat(Exclude.on("b").element("during", "&&").element("room", "=").elements()).hasSize(2);
        assertThat(Domain.named("app.money2").as("numeric(12, 2)").type()).isEqualTo("numeric(12, 2)");
        assertThat(Domain.named("ts").as("timestamp(3) with time zone").type()).isEqualTo("timestamp(3) with time zone");
        assertThat(Index.on("users").expression("lower(email)").columns()).containsExactly("(lower(email))");
        assertThat(Index.on("users").columns("email", "name").name()).isEqualTo("users_email_name_idx");
        assertThat(Index.on("t").columns("c".repeat(63)).name()).hasSize(63).endsWith("_idx");

        // any name is a name: SQL-looking text is only a name, and a key that looks like an expression is a column
        assertThat(Index.on("users; drop table x").columns("x\"y").name()).isEqualTo("users; drop table x_x\"y_idx");
        assertThat(Index.on("app.\"v1.2\"").columns("MiXeD").name()).isEqualTo("v1.2_MiXeD_idx");
        Index keys = Index.on("t").columns("(a)").expression("a + 1");
        assertThat(keys.columns()).containsExactly("(a)", "(a + 1)");
        assertThat(keys.isExpression(0)).isFalse();
        assertThat(keys.isExpression(1)).isTrue();
        assertThat(keys.name()).isEqualTo("t_(a)_expr_idx");
        assertThat(Exclude.on("b").element("(a)", "=").elementExpression("a", "&&").elements())
                .extracting(Exclude.Element::expression).containsExactly(false, true);
        assertThat(Index.on("users").using("GiST").method()).isEqualTo("gist");
        assertThat(TableOptions.defaults().inherits("p;x", "app.\"v1.2\"").inherits()).containsExactly("p;x", "app.\"v1.2\"");
    }
}
