package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libpq's password file, named by {@code passfile=} in a URL or by {@code PGPASSFILE}. */
class PassfileTest {

    private static Path passfile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("pgpass"), String.join("\n",
                "# comments and malformed lines are passed over, as libpq does",
                "not:enough:fields",
                "other.example:5432:app:ann:wrong-host",
                "db.example:5433:app:ann:s3cr:et",              // the password keeps later colons
                "db.example:*:*:bob:b\\:o\\\\b",                  // escaped colon and backslash
                "*:*:*:*:fallback",
                ""));
    }

    @Test
    void theFirstMatchingLineGivesThePassword(@TempDir Path dir) throws IOException {
        String file = passfile(dir).toString();
        assertThat(PostgresConnectionConfig.fromUrl("postgresql://ann@db.example:5433/app?passfile=" + file).password())
                .isEqualTo("s3cr:et");
        assertThat(PostgresConnectionConfig.fromUrl("postgresql://bob@db.example:6000/other?passfile=" + file).password())
                .isEqualTo("b:o\\b");
        assertThat(PostgresConnectionConfig.fromUrl("postgresql://ann@db.example:5432/app?passfile=" + file).password())
                .as("port 5432 matches no specific line").isEqualTo("fallback");
    }

    @Test
    void aPasswordGivenInTheUrlWins(@TempDir Path dir) throws IOException {
        String file = passfile(dir).toString();
        assertThat(PostgresConnectionConfig.fromUrl("postgresql://ann:given@db.example:5433/app?passfile=" + file).password())
                .isEqualTo("given");
    }

    @Test
    void theEnvironmentNamesItAsPgpassfile(@TempDir Path dir) throws IOException {
        Map<String, String> env = Map.of("PGHOST", "db.example", "PGPORT", "5433", "PGDATABASE", "app",
                "PGUSER", "ann", "PGPASSFILE", passfile(dir).toString());
        assertThat(PostgresConnectionConfig.fromEnvironment(env::get).password()).isEqualTo("s3cr:et");
    }

    @Test
    void noMatchingLineLeavesNoPassword(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pgpass"), "elsewhere:5432:app:ann:x\n");
        assertThat(PostgresConnectionConfig.fromUrl("postgresql://ann@db.example/app?passfile=" + file).password()).isNull();
    }

    @Test
    void anUnreadableFileIsRefusedByName(@TempDir Path dir) {
        Path missing = dir.resolve("absent");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://ann@db.example/app?passfile=" + missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid passfile '" + missing + "'");
    }
}
