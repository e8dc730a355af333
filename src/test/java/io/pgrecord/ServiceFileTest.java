package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * libpq's connection service file, named by {@code service=} in a URL or by {@code PGSERVICE}:
 * resolved by pgrecord, so that both backends connect where the service says.
 */
@ExtendWith(PgExtension.class)
class ServiceFileTest {

    private static Path serviceFile(Path dir, String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private static Path example(Path dir) throws IOException {
        return serviceFile(dir, "services.conf",
                "# the production database",
                "[prod]",
                "host=db.example",
                "  port = 5433  ",
                "dbname=orders",
                "user=ann",
                "sslmode=require",
                "application_name=billing",
                "prepareThreshold=0",
                "",
                "[other]",
                "host=elsewhere.example",
                "dbname=other");
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void aUrlNamingAServiceTakesItsSettings(@TempDir Path dir) throws IOException {
        PostgresConnectionConfig c = PostgresConnectionConfig.fromUrl(
                "postgresql://?service=prod&servicefile=" + example(dir), name -> null);
        assertThat(c.host()).isEqualTo("db.example");
        assertThat(c.port()).isEqualTo(5433);
        assertThat(c.database()).isEqualTo("orders");
        assertThat(c.username()).isEqualTo("ann");
        assertThat(c.options()).containsEntry("sslmode", "require").containsEntry("application_name", "billing");
        assertThat(c.driverOptions()).containsEntry("prepareThreshold", "0").doesNotContainKey("service");
    }

    @Test
    void whatTheUrlSaysOverridesTheService(@TempDir Path dir) throws IOException {
        PostgresConnectionConfig c = PostgresConnectionConfig.fromUrl(
                "postgresql://bob@other.example:6000/stock?service=prod&sslmode=disable&servicefile=" + example(dir),
                name -> null);
        assertThat(c.host()).isEqualTo("other.example");
        assertThat(c.port()).isEqualTo(6000);
        assertThat(c.database()).isEqualTo("stock");
        assertThat(c.username()).isEqualTo("bob");
        assertThat(c.options()).containsEntry("sslmode", "disable").containsEntry("application_name", "billing");
    }

    @Test
    void pgservicefileAndThenPgsysconfdirAreSearched(@TempDir Path dir) throws IOException {
        Path user = serviceFile(dir, "user.conf", "[mine]", "host=mine.example", "dbname=mine");
        Path sysconf = Files.createDirectory(dir.resolve("etc"));
        serviceFile(sysconf, "pg_service.conf", "[mine]", "host=ignored.example", "dbname=ignored",
                "[shared]", "host=shared.example", "dbname=shared");
        Map<String, String> env = env("PGSERVICEFILE", user.toString(), "PGSYSCONFDIR", sysconf.toString());
        assertThat(PostgresConnectionConfig.fromUrl("postgresql://?service=mine", env::get).host())
                .as("the user's file comes first").isEqualTo("mine.example");
        PostgresConnectionConfig shared = PostgresConnectionConfig.fromUrl("postgresql://?service=shared", env::get);
        assertThat(shared.host()).isEqualTo("shared.example");
        assertThat(shared.database()).isEqualTo("shared");
    }

    @Test
    void pgserviceOverridesTheOtherVariables(@TempDir Path dir) throws IOException {
        Map<String, String> env = env("PGSERVICE", "prod", "PGSERVICEFILE", example(dir).toString(),
                "PGHOST", "env.example", "PGPASSWORD", "from-env", "PGDATABASE", "envdb");
        PostgresConnectionConfig c = PostgresConnectionConfig.fromEnvironment(env::get);
        assertThat(c.host()).isEqualTo("db.example");
        assertThat(c.database()).isEqualTo("orders");
        assertThat(c.password()).as("the service sets no password").isEqualTo("from-env");
    }

    @Test
    void anUnknownServiceIsRefusedNamingTheFilesSearched(@TempDir Path dir) throws IOException {
        Path file = example(dir);
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://?service=nope&servicefile=" + file, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("definition of service 'nope' not found")
                .hasMessageContaining(file.toString());
        Path absent = dir.resolve("absent.conf");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://?service=prod&servicefile=" + absent, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(absent + " (absent)");
    }

    @Test
    void aBadSettingIsRefusedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Path file = serviceFile(dir, "bad.conf", "[s]", "host=h", "dbname=d", "sslmode=sometimes", "[t]", "hostaddr=10.0.0.1",
                "[u]", "dbname", "[v]", "service=s");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://?service=s&servicefile=" + file, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid sslmode 'sometimes'")
                .hasMessageContaining(file + ", line 4");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://?service=t&servicefile=" + file, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown connection option 'hostaddr'")
                .hasMessageContaining(file + ", line 6");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://?service=u&servicefile=" + file, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("syntax error in service file " + file + ", line 8");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://?service=v&servicefile=" + file, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a service cannot name another");
    }

    @Test
    void aServicefileWithoutAServiceIsRefused(@TempDir Path dir) throws IOException {
        Path file = example(dir);
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://h/db?servicefile=" + file, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no service= names a service");
    }

    @BothBackends
    void bothBackendsConnectWhereTheServiceSays(Exec exec, TestDatabase db, @TempDir Path dir) throws IOException {
        Path file = serviceFile(dir, "pg_service.conf",
                "[test]",
                "host=" + db.server().host(),
                "port=" + db.server().port(),
                "dbname=" + db.name(),
                "user=" + db.server().user(),
                "password=" + db.server().password(),
                "application_name=from service " + exec);
        PostgresConnectionConfig config = PostgresConnectionConfig.fromUrl(
                "postgresql://?service=test&pool_min_size=0&servicefile=" + file, name -> null)
                .toBuilder().poolTimeout(Duration.ofSeconds(10)).build();
        try (AnyBackend backend = AnyBackend.open(exec, config)) {
            assertThat(backend.fetchValue("SELECT current_database()")).isEqualTo(db.name());
            assertThat(backend.fetchValue("SHOW application_name")).isEqualTo("from service " + exec);
        }
    }
}
