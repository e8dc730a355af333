package io.pgrecord.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.internal.exec.SqlText;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Reading the bind markers of SQL text by PostgreSQL's lexical rules, and writing it for each driver. */
class SqlMarkersTest {

    private static final DSLContext JDBC = DSL.using(SQLDialect.POSTGRES);
    private static final DSLContext R2DBC = DSL.using(SQLDialect.POSTGRES, new org.jooq.conf.Settings().withRenderNamedParamPrefix("$"));

    @Test
    void markersOutsideQuotesAndCommentsAreCounted() {
        assertThat(SqlText.bindMarkers("name = ? AND score > ?")).isEqualTo(2);
        assertThat(SqlText.bindMarkers("name = '?' AND note = 'it''s ?' AND x = ?")).isEqualTo(1);
        assertThat(SqlText.bindMarkers("\"odd?col\" = ? -- a comment?\n AND y = ? /* ? */")).isEqualTo(2);
        assertThat(SqlText.bindMarkers("body = $$ ? $$ AND t = $tag$ ?? $tag$ AND z = ?")).isEqualTo(1);
        assertThat(SqlText.bindMarkers("path = E'a\\\\' ?' AND w = ?")).isEqualTo(1);
        assertThat(SqlText.bindMarkers("path = E'it\\'s ?' AND e = e'?''?' AND w = ?")).as("E'' with \\' and ''").isEqualTo(1);
        assertThat(SqlText.bindMarkers("/* outer ? /* inner ? */ still ? */ x = ?")).as("block comments nest").isEqualTo(1);
        assertThat(SqlText.bindMarkers("price$usd = ? AND a$b$c = ?")).as("a $ inside a name opens no quote").isEqualTo(2);
        assertThat(SqlText.bindMarkers("x = {0} AND y = '{1}'")).as("braces are no markers").isZero();
        assertThat(SqlText.bindMarkers("qty::text = ? AND ?::int = 5")).isEqualTo(2);
    }

    @Test
    void questionMarkOperatorsAreNoMarkers() {
        assertThat(SqlText.bindMarkers("metadata ?? 'a' AND n = ?")).isEqualTo(1);
        assertThat(SqlText.bindMarkers("metadata ?| array['a'] AND m ?& array['b'] AND n = ?")).isEqualTo(1);
        assertThat(SqlText.bindMarkers("name = ?||'x' AND tags = ?&&tags")).as("?|| and ?&& are binds").isEqualTo(2);
        assertThat(SqlText.bindMarkers("metadata ? 'a' AND n = ?")).as("a lone ? beside binds is a bind").isEqualTo(2);
        assertThat(SqlText.bindMarkers("doc @? ?::jsonpath AND n = @ ?")).as("@? is jsonpath's operator").isEqualTo(2);
    }

    @Test
    void eachDriverGetsItsForm() {
        Condition c = Sql.condition("m ?? 'k' AND m ?| array['a'] AND m ?& array['b'] AND n <> E'it\\'s ?' AND n = ? -- done?", "x");
        assertThat(JDBC.render(c)).isEqualTo("(m ?? 'k' AND m ??| array['a'] AND m ??& array['b'] AND n <> E'it''s ?' AND n = ? -- done?\n)");
        assertThat(R2DBC.renderNamedParams(c)).isEqualTo("(m ? 'k' AND m ?| array['a'] AND m ?& array['b'] AND n <> E'it''s ?' AND n = $1 -- done?\n)");
        assertThat(JDBC.renderInlined(c)).as("inlined into a statement for pgjdbc")
                .isEqualTo("(m ?? 'k' AND m ??| array['a'] AND m ??& array['b'] AND n <> E'it''s ?' AND n = 'x' -- done?\n)");
        assertThat(R2DBC.renderInlined(c)).as("inlined into a statement for R2DBC")
                .isEqualTo("(m ? 'k' AND m ?| array['a'] AND m ?& array['b'] AND n <> E'it''s ?' AND n = 'x' -- done?\n)");
        assertThat(JDBC.extractBindValues(c)).containsExactly("x");

        Condition noBinds = Sql.condition("m ? 'k' AND n <> $$?$$");
        assertThat(JDBC.render(noBinds)).as("no binds: every ? is the operator").isEqualTo("(m ?? 'k' AND n <> $$?$$)");
        assertThat(R2DBC.renderNamedParams(noBinds)).isEqualTo("(m ? 'k' AND n <> $$?$$)");
        assertThat(R2DBC.renderNamedParams(Sql.condition("a = :name AND b[1:2] = ? AND c = '{0}'", "v")))
                .as(":name and {0} are text, not jOOQ template parts").isEqualTo("(a = :name AND b[1:2] = $1 AND c = '{0}')");
    }

    @Test
    void bindsRenderAsJooqTemplatesRenderThem() {
        Object[] binds = {1, "s", null, java.util.Map.of("k", 1), java.time.LocalDate.of(2024, 1, 3), DSL.field("now()")};
        String sql = "a = ? AND b = ? AND c = ? AND d = ? AND e = ? AND f = ?";
        Condition ours = Sql.condition(sql, binds);
        Condition jooqs = DSL.condition(sql, Sql.parts(binds));
        assertThat(JDBC.render(ours)).isEqualTo(JDBC.render(jooqs));
        assertThat(R2DBC.renderNamedParams(ours)).isEqualTo(R2DBC.renderNamedParams(jooqs));
        assertThat(JDBC.renderInlined(ours)).isEqualTo(JDBC.renderInlined(jooqs));
        assertThat(JDBC.extractBindValues(ours)).isEqualTo(JDBC.extractBindValues(jooqs));
    }

    @Test
    void aBindCountOtherThanTheMarkersIsRefused() {
        assertThatThrownBy(() -> Sql.condition("n = ?", 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 1 bind marker (?) but 2 bind values were given");
        assertThatThrownBy(() -> Sql.condition("n = ? AND m = ?", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 bind markers (?) but 1 bind value was given");
        assertThatThrownBy(() -> Sql.condition("metadata ? 'role' AND n = ?", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("written ??");
        assertThat(Sql.condition("n = ? AND m = ?", 1, 2)).isNotNull();
        assertThat(Sql.condition("metadata ? 'role'")).as("a ? operator with no binds").isNotNull();
    }
}
