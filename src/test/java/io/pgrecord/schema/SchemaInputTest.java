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
import java.util.function.Consumer;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hostile or malformed names and expressions fail with IllegalArgumentException before any SQL. */
@ExtendWith(PgExtension.class)
class SchemaInputTest {

    private static final List<String> HOSTILE_NAMES = List.of(
            "users; DROP TABLE victims", "x\"; DROP TABLE victims; --", "a b", "", "1abc", "tbl'--", "a.b.c",
            "x\u0000y", "x".repeat(64), "users)--", "$1");

    @BothBackends
    void hostileNamesAreRefusedBeforeAnySql(Exec exec, TestDatabase db) {
        db.execute("CREATE TABLE IF NOT EXISTS victims (id int)");
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        StatementLog log = exec == Exec.JDBC ? db.blocking().statementLog() : db.async().statementLog();
        List<Consumer<String>> uses = List.of(
                schema::dropTableIfExists,
                n -> schema.createEnum(n, "a"),
                n -> schema.addEnumValue(n, "x"),
                schema::dropEnumIfExists,
                n -> schema.dropIndex(n),
                n -> schema.dropConstraint("victims", n),
                n -> schema.commentOnTable(n, "c"),
                n -> schema.commentOnColumn("victims", n, "c"),
                n -> schema.createMaterializedView(n, DSL.select(DSL.inline(1))),
                n -> schema.refreshMaterializedView(n),
                n -> schema.createExtensionIfNotExists(n),
                n -> insp.columns(n),
                n -> insp.indexes(n),
                n -> insp.tables(n),
                n -> insp.enums(n),
                n -> insp.hasTable(n),
                n -> insp.hasType(n, "*"));
        log.start();
        for (String name : HOSTILE_NAMES) {
            for (Consumer<String> use : uses) {
                assertThatThrownBy(() -> use.accept(name)).as("name '%s'", name).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(log.stop()).isEmpty();
        assertThat(db.queryValue("SELECT count(*) FROM victims")).isEqualTo(0L);
    }

    @Test
    void buildersCheckEachArgumentWhenGiven() {
        assertThatThrownBy(() -> Index.on("users; drop table x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid table name 'users; drop table x'");
        assertThatThrownBy(() -> Index.on("users").columns("email", "x\"y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Index.on("users").where("1=1); DROP TABLE users; --")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unbalanced ')'");
        assertThatThrownBy(() -> Index.on("users").where("1=1; DROP TABLE users")).hasMessageContaining("';'");
        assertThatThrownBy(() -> Index.on("users").where("a > 0 -- comment")).hasMessageContaining("a comment");
        assertThatThrownBy(() -> Index.on("users").where("(a > 0")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> Index.on("users").where("a = 'x")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> Index.on("users").where("a = $$x$$")).hasMessageContaining("'$'");
        assertThatThrownBy(() -> Index.on("users").using("gist; drop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Exclude.on("b").element("room", "=; DROP TABLE b")).hasMessageContaining("invalid exclusion operator");
        assertThatThrownBy(() -> Exclude.on("b").element("room", "?")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Domain.named("d").as("integer; DROP TABLE x")).hasMessageContaining("invalid domain base type");
        assertThatThrownBy(() -> Domain.named("d").as("int").check("VALUE > 0) ; drop table x; --")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Domain.named("d").as("int").defaultValue("1/*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableOptions.defaults().partitionByRange("day); drop")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableOptions.defaults().inherits("p;x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableOptions.defaults().unlogged().temporary()).hasMessageContaining("both UNLOGGED and TEMPORARY");
        assertThatThrownBy(() -> TableOptions.defaults().inherits("p").partitionByList("a")).hasMessageContaining("INHERITS");
        assertThatThrownBy(() -> Partition.named("p").of("t").hash(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Partition.named("p;").of("t")).isInstanceOf(IllegalArgumentException.class);

        // what is allowed: quotes inside string literals, operators, qualified names, types with modifiers
        assertThat(Index.on("app.users").where("status <> 'it''s; not -- a comment'").predicate())
                .isEqualTo("status <> 'it''s; not -- a comment'");
        assertThat(Exclude.on("b").element("during", "&&").element("room", "=").elements()).hasSize(2);
        assertThat(Domain.named("app.money2").as("numeric(12, 2)").type()).isEqualTo("numeric(12, 2)");
        assertThat(Domain.named("ts").as("timestamp(3) with time zone").type()).isEqualTo("timestamp(3) with time zone");
        assertThat(Index.on("users").expression("lower(email)").columns()).containsExactly("(lower(email))");
        assertThat(Index.on("users").columns("email", "name").name()).isEqualTo("users_email_name_idx");
        assertThat(Index.on("t").columns("c".repeat(63)).name()).hasSize(63).endsWith("_idx");
    }
}
