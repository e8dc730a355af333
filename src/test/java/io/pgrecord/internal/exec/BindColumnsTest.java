package io.pgrecord.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which binds the SQL log masks: by the column the SQL gives them, and all unclear ones near a sensitive column. */
class BindColumnsTest {

    private static final Set<String> SECRET = Set.of("secret");

    @Test
    void insertBindsTakeTheColumnAtTheirPlaceInEveryRow() {
        String sql = "insert into \"t\" (\"name\", \"secret\", \"n\") values (?, ?, cast(? as int)), (?, ?, ?) returning \"t\".\"id\"";
        assertThat(BindColumns.masked(sql, 6, SECRET)).containsExactly(false, true, false, false, true, false);
    }

    @Test
    void comparedBindsTakeTheColumnLeftOfTheComparison() {
        String sql = "update \"t\" set \"secret\" = ?, \"name\" = ? where (\"t\".\"id\" = ? and \"secret\" in (?, ?) "
                + "and \"secret\" = any(?) and lower(name) like ? and secret <> cast(? as varchar))";
        assertThat(BindColumns.masked(sql, 8, SECRET)).containsExactly(true, false, false, true, true, true, true, true);
    }

    @Test
    void numberedBindsAsR2dbcSendsThem() {
        String sql = "select * from t where name = $2 and secret = $1";
        assertThat(BindColumns.masked(sql, 2, SECRET)).containsExactly(true, false);
    }

    @Test
    void aBindWhoseColumnCannotBeToldIsMaskedWhenTheStatementNamesASensitiveColumn() {
        assertThat(BindColumns.masked("select \"secret\" from t limit ?", 1, SECRET)).containsExactly(true);
        assertThat(BindColumns.masked("insert into t (name, secret) select * from unnest(?, ?)", 2, SECRET))
                .containsExactly(true, true);
        assertThat(BindColumns.masked("select name from t limit ?", 1, SECRET)).containsExactly(false);
    }

    @Test
    void namesInsideStringLiteralsAndQuestionMarksInQuotesAreNotBinds() {
        String sql = "select 'secret = ?' as x, \"a?b\" from t where name = ? and \"Secret\" = ?";
        assertThat(BindColumns.masked(sql, 2, SECRET)).containsExactly(false, true);
    }

    @Test
    void aSensitiveFieldsColumnIsMaskedInStatementsOnItsTableOnly() {
        SensitiveColumns.add("bind_columns_vaults", "bind_columns_code");
        String vault = "select * from \"bind_columns_vaults\" where \"bind_columns_code\" = ? and id = ?";
        String other = "select * from \"bind_columns_doors\" where \"bind_columns_code\" = ? and id = ?";
        assertThat(BindColumns.masked(vault, 2, Set.of())).containsExactly(true, false);
        assertThat(BindColumns.masked(other, 2, Set.of())).containsExactly(false, false);
    }

    @Test
    void statementKindsNameTheOperationAndTheTableOnly() {
        assertThat(StatementKind.of("select \"users\".\"id\" from \"public\".\"users\" where id = ?"))
                .isEqualTo(new StatementKind("select", "users"));
        assertThat(StatementKind.of("insert into \"users\" (\"name\") values (?)")).isEqualTo(new StatementKind("insert", "users"));
        assertThat(StatementKind.of("UPDATE only posts SET x = 1")).isEqualTo(new StatementKind("update", "posts"));
        assertThat(StatementKind.of("delete from \"s\".\"t\" where 1 = 1")).isEqualTo(new StatementKind("delete", "t"));
        assertThat(StatementKind.of("COPY items (a, b) FROM STDIN")).isEqualTo(new StatementKind("copy", "items"));
        assertThat(StatementKind.of("CREATE TABLE x (id int)")).isEqualTo(new StatementKind("ddl", "none"));
        assertThat(StatementKind.of("SAVEPOINT \"sp1\"")).isEqualTo(new StatementKind("transaction", "none"));
        assertThat(StatementKind.of("SELECT 1")).isEqualTo(new StatementKind("select", "none"));
        assertThat(StatementKind.of("SHOW server_version_num")).isEqualTo(new StatementKind("other", "none"));
    }
}
