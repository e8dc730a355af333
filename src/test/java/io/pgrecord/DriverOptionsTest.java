package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Driver properties reach the driver that knows them; the other backend ignores them; bad names fail at build(). */
@ExtendWith(PgExtension.class)
class DriverOptionsTest {

    /**
     * pgjdbc's prepareThreshold=1 prepares a statement on the server at its first run (the
     * default waits for the fifth); r2dbc-postgresql's preparedStatementCacheQueries=0 keeps no
     * named statement. One connection, so the catalog view sees the statements of the session.
     */
    @BothBackends
    void eachDriverGetsItsOwnPropertiesAndIgnoresTheOthers(Exec exec, TestDatabase db) {
        PostgresConnectionConfig config = db.configBuilder().poolMaxSize(1)
                .driverOption("prepareThreshold", 1)
                .driverOption("preparedStatementCacheQueries", 0)
                .driverOption("tcpKeepAlive", false)
                .build();
        long with = preparedAfterOneRun(exec, config);
        long without = preparedAfterOneRun(exec, db.configBuilder().poolMaxSize(1).build());
        if (exec == Exec.JDBC) {
            assertThat(with).isEqualTo(1);
            assertThat(without).isZero();
        } else {
            assertThat(with).isZero();
            assertThat(without).isEqualTo(1);
        }
    }

    private static long preparedAfterOneRun(Exec exec, PostgresConnectionConfig config) {
        try (AnyBackend backend = AnyBackend.open(exec, config)) {
            assertThat(backend.fetchValue("SELECT 4242 + ?", 1)).isEqualTo(4243);
            return ((Number) backend.fetchValue("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%4242%'"))
                    .longValue();
        }
    }

    /**
     * Left to itself r2dbc-postgresql keeps every distinct statement prepared on the server for
     * as long as the connection lives; both backends keep at most 256, least recently used out.
     */
    @BothBackends
    void aConnectionKeepsAtMost256PreparedStatements(Exec exec, TestDatabase db) {
        PostgresConnectionConfig config = db.configBuilder().poolMaxSize(1).driverOption("prepareThreshold", 1).build();
        try (AnyBackend backend = AnyBackend.open(exec, config)) {
            for (int i = 0; i < 300; i++) {
                assertThat(backend.fetchValue("SELECT 5151 + " + i + " + ?", 1)).isEqualTo(5152 + i);
            }
            long prepared = ((Number) backend.fetchValue(
                    "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%5151 +%' AND statement NOT LIKE '%count%'")).longValue();
            assertThat(prepared).isBetween(200L, 256L);
        }
    }

    @BothBackends
    void urlParametersThatAreDriverPropertiesReachTheDriver(Exec exec, TestDatabase db) {
        PostgresConnectionConfig c = db.config();
        String url = "postgresql://" + encode(c.username()) + (c.password() == null ? "" : ":" + encode(c.password()))
                + "@" + c.host() + ":" + c.port() + "/" + c.database()
                + "?readOnly=true&readOnlyMode=always&prepareThreshold=0&tcpNoDelay=true";
        PostgresConnectionConfig config = PostgresConnectionConfig.fromUrl(url);
        assertThat(config.driverOptions()).containsEntry("readOnly", "true").containsEntry("prepareThreshold", "0");
        try (AnyBackend backend = AnyBackend.open(exec, config)) {
            // readOnly is pgjdbc's: the blocking backend's sessions are read-only, the reactive one's are not
            assertThat(backend.fetchValue("SHOW transaction_read_only")).isEqualTo(exec == Exec.JDBC ? "on" : "off");
        }
    }

    @Test
    void aNameNeitherDriverKnowsIsRefusedNamingIt(TestDatabase db) {
        assertThatThrownBy(() -> db.configBuilder().driverOption("prepareTreshold", 0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown driver option 'prepareTreshold'")
                .hasMessageContaining("prepareThreshold")
                .hasMessageContaining("preparedStatementCacheQueries");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://u@localhost/db?prepareTreshold=0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'prepareTreshold'");
        // a misspelt secret stays out of the message, and so out of logs
        assertThatThrownBy(() -> db.configBuilder().driverOption("sslpasword", "hush-hush").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sslpasword'")
                .hasMessageNotContaining("hush-hush");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://u@localhost/db?pasword=hush-hush"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pasword'")
                .hasMessageNotContaining("hush-hush");
    }

    @Test
    void aPropertyThatDuplicatesAnOptionOrThatPgrecordSetsIsRefused(TestDatabase db) {
        assertThatThrownBy(() -> db.configBuilder().option("connect_timeout", 5).driverOption("connectTimeout", 5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("driver option 'connectTimeout' duplicates the connection option connect_timeout");
        assertThatThrownBy(() -> db.configBuilder().driverOption("ApplicationName", "x").build())
                .hasMessageContaining("duplicates the connection option application_name");
        assertThatThrownBy(() -> db.configBuilder().driverOption("stringtype", "varchar").build())
                .hasMessageContaining("driver option 'stringtype' cannot be set");
        assertThatThrownBy(() -> db.configBuilder().driverOption("forceBinary", "true").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("driver option 'forceBinary' cannot be set").hasMessageContaining("jsonb");
        assertThatThrownBy(() -> db.configBuilder().driverOption("socketTimeout", null).build())
                .hasMessageContaining("driver option 'socketTimeout' must not be null");
    }

    /**
     * Every spelling either driver has for a connection option is refused naming the option:
     * each driver property whose name is an option's without underscores, in any case
     * (sslMode, sslRootCert, applicationName, connectTimeout, statementTimeout ...), from the
     * drivers' own lists, and the other spellings: ssl (both drivers, for sslmode), currentSchema
     * and schema (search_path), lockWaitTimeout, targetServerType, options.
     */
    @Test
    void everyDriverSpellingOfAConnectionOptionIsRefusedNamingTheOption(TestDatabase db) {
        Map<String, String> spellings = new java.util.TreeMap<>(Map.of("ssl", "sslmode", "currentSchema", "search_path",
                "schema", "search_path", "lockWaitTimeout", "lock_timeout", "targetServerType", "target_session_attrs",
                "options", "search_path, statement_timeout or lock_timeout"));
        java.util.Set<String> driverNames = new java.util.TreeSet<>(io.pgrecord.internal.jdbc.PgjdbcProperties.all());
        driverNames.addAll(io.pgrecord.internal.r2dbc.R2dbcOptionNames.all());
        for (String option : List.of("sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name",
                "client_encoding", "search_path", "target_session_attrs", "load_balance_hosts", "statement_timeout", "lock_timeout")) {
            for (String name : driverNames) {
                if (name.equalsIgnoreCase(option.replace("_", ""))) {
                    spellings.put(name, option);
                }
            }
        }
        assertThat(spellings).containsKeys("ssl", "sslMode", "sslmode", "sslRootCert", "ApplicationName", "applicationName",
                "statementTimeout", "loadBalanceHosts");
        spellings.forEach((name, option) -> assertThatThrownBy(() -> db.configBuilder().driverOption(name, "true").build())
                .as(name).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("driver option '" + name + "' duplicates the connection option " + option + "; set that with option(...) instead"));
        assertThatThrownBy(() -> db.configBuilder().driverOption("service", "billing").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("driver option 'service' cannot be set").hasMessageContaining("service=name");
    }

    @Test
    void driverOptionsSurviveToBuilderAndShowOnlyTheirNames(TestDatabase db) {
        PostgresConnectionConfig config = db.configBuilder().driverOption("sslpassword", "hush").driverOption("socketTimeout", 30).build();
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.driverOptions()).isEqualTo(Map.of("sslpassword", "hush", "socketTimeout", 30));
        assertThat(config.toString()).contains("sslpassword").doesNotContain("hush");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
