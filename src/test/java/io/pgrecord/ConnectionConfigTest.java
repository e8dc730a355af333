package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionConfigTest {

    private static PostgresConnectionConfig.Builder valid() {
        return PostgresConnectionConfig.builder().host("db.example").port(5433).database("mydb")
                .username("user").password("s3cret-pw");
    }

    @Test
    void builderKeepsValuesAndNormalisesOptions() {
        PostgresConnectionConfig c = valid()
                .option("sslmode", "REQUIRE")
                .option("connect_timeout", 10)
                .option("application_name", "my_app")
                .option("client_encoding", "utf-8")
                .option("search_path", "app,public")
                .option("statement_timeout", 1500)
                .option("lock_timeout", Duration.ofSeconds(2))
                .option("target_session_attrs", "read-write")
                .poolMinSize(2).poolMaxSize(7).poolTimeout(Duration.ofSeconds(3))
                .build();
        assertThat(c.host()).isEqualTo("db.example");
        assertThat(c.port()).isEqualTo(5433);
        assertThat(c.sslMode()).isEqualTo("require");
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.statementTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.option("client_encoding")).isEqualTo("UTF8");
        assertThat(c.searchPath()).isEqualTo("app,public");
        assertThat(c.poolMinSize()).isEqualTo(2);
        assertThat(c.poolMaxSize()).isEqualTo(7);
        assertThat(c.poolTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void seedStylePoolAliasesAreAccepted() {
        PostgresConnectionConfig c = valid().option("pool_min_size", 0).option("pool_max_size", "4")
                .option("pool_timeout", 5).build();
        assertThat(c.poolMinSize()).isZero();
        assertThat(c.poolMaxSize()).isEqualTo(4);
        assertThat(c.poolTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.options()).doesNotContainKeys("pool_min_size", "pool_max_size", "pool_timeout");
        // the seed's own example writes seconds as a float
        assertThat(valid().option("pool_timeout", 30.0).build().poolTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(valid().option("pool_timeout", "2.5").build().poolTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThatThrownBy(() -> valid().option("pool_timeout", -0.5).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> valid().option("pool_timeout", Double.NaN).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid pool_timeout 'NaN'");
    }

    @Test
    void toStringNeverShowsThePassword() {
        PostgresConnectionConfig c = valid().build();
        assertThat(c.toString()).doesNotContain("s3cret-pw").contains("password=****").contains("mydb");
        PostgresConnectionConfig fromUrl = PostgresConnectionConfig.fromUrl("postgresql://u:p%40ss-xyz@h/db");
        assertThat(fromUrl.password()).isEqualTo("p@ss-xyz");
        assertThat(fromUrl.toString()).doesNotContain("p@ss-xyz").doesNotContain("p%40ss-xyz");
    }

    @Test
    void fromUrlReadsEveryPart() {
        PostgresConnectionConfig c = PostgresConnectionConfig.fromUrl(
                "postgresql://user:secret@localhost:5432/mydb?sslmode=prefer&application_name=demo&statement_timeout=250");
        assertThat(c.username()).isEqualTo("user");
        assertThat(c.password()).isEqualTo("secret");
        assertThat(c.host()).isEqualTo("localhost");
        assertThat(c.port()).isEqualTo(5432);
        assertThat(c.database()).isEqualTo("mydb");
        assertThat(c.sslMode()).isEqualTo("prefer");
        assertThat(c.applicationName()).isEqualTo("demo");
        assertThat(c.statementTimeout()).isEqualTo(Duration.ofMillis(250));

        PostgresConnectionConfig v6 = PostgresConnectionConfig.fromUrl("jdbc:postgresql://[::1]:6000/x?user=bob");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.port()).isEqualTo(6000);
        assertThat(v6.username()).isEqualTo("bob");
        assertThat(PostgresConnectionConfig.fromUrl("postgres://h/db").port()).isEqualTo(5432);
    }

    @Test
    void aParameterGivenTwiceInAUrlIsRefusedByName() {
        for (String name : new String[] {"sslmode", "application_name", "user", "prepareThreshold"}) {
            String value = name.equals("sslmode") ? "require" : name.equals("prepareThreshold") ? "0" : "x";
            assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl(
                    "postgresql://u:topsecret@h/db?" + name + "=" + value + "&statement_timeout=5&" + name + "=" + value))
                    .as(name).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + name + "' appears more than once").hasMessageContaining("give it once")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
        }
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://u@h/db?host=a&host=b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'host'")
                .hasMessageContaining("comma-separated");
    }

    @Test
    void fromEnvironmentReadsLibpqVariables() {
        Map<String, String> env = Map.of("PGHOST", "pg.internal", "PGPORT", "6543", "PGDATABASE", "app",
                "PGUSER", "svc", "PGPASSWORD", "pw", "PGSSLMODE", "verify-full", "PGAPPNAME", "worker",
                "PGCONNECT_TIMEOUT", "4");
        PostgresConnectionConfig c = PostgresConnectionConfig.fromEnvironment(env::get);
        assertThat(c.host()).isEqualTo("pg.internal");
        assertThat(c.port()).isEqualTo(6543);
        assertThat(c.database()).isEqualTo("app");
        assertThat(c.username()).isEqualTo("svc");
        assertThat(c.password()).isEqualTo("pw");
        assertThat(c.sslMode()).isEqualTo("verify-full");
        assertThat(c.applicationName()).isEqualTo("worker");
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(4));

        assertThatThrownBy(() -> PostgresConnectionConfig.fromEnvironment(Map.of("PGPORT", "x")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PGPORT").hasMessageContaining("'x'");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromEnvironment(Map.<String, String>of()::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PGDATABASE");
    }

    @Test
    void badConfigNamesFieldValueAndAllowedValues() {
        assertThatThrownBy(() -> valid().option("sslmod", "require").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sslmod'").hasMessageContaining("sslmode").hasMessageContaining("statement_timeout");
        assertThatThrownBy(() -> valid().port(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port").hasMessageContaining("0")
                .hasMessageContaining("1..65535");
        assertThatThrownBy(() -> valid().port(65536).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
        assertThatThrownBy(() -> valid().option("sslmode", "sometimes").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sslmode")
                .hasMessageContaining("'sometimes'").hasMessageContaining("verify-full");
        assertThatThrownBy(() -> PostgresConnectionConfig.builder().host("h").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database");
        assertThatThrownBy(() -> valid().option("statement_timeout", "soon").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statement_timeout")
                .hasMessageContaining("'soon'").hasMessageContaining("milliseconds");
        assertThatThrownBy(() -> valid().option("connect_timeout", -1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connect_timeout");
        assertThatThrownBy(() -> valid().option("client_encoding", "LATIN1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'LATIN1'").hasMessageContaining("UTF8");
        assertThatThrownBy(() -> valid().option("target_session_attrs", "fastest").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefer-standby");
        assertThatThrownBy(() -> valid().poolMinSize(5).poolMaxSize(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolMinSize 5");
        assertThatThrownBy(() -> valid().poolMaxSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolMaxSize 0");
        assertThatThrownBy(() -> valid().poolTimeout(Duration.ofMillis(10)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolTimeout");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("mysql://h/db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://u:topsecret@h:99999/db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99999")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://u:topsecret@h/db?bogus=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bogus'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("topsecret"));
    }
}
