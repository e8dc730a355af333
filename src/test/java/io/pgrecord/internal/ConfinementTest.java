package io.pgrecord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each driver stays behind its executor: reads the main sources (comments stripped) and checks
 * which packages name which driver. {@code java.sql} outside {@code internal/jdbc} is allowed
 * only where jOOQ's own API brings it in, listed below with the reason.
 */
class ConfinementTest {

    private static final Path MAIN = Path.of("src/main/java/io/pgrecord");
    private static final Pattern JDBC_DRIVERS = Pattern.compile("\\b(com\\.zaxxer\\.hikari|org\\.postgresql)\\.");
    private static final Pattern JAVA_SQL = Pattern.compile("\\bjava\\.sql\\.");
    private static final Pattern R2DBC = Pattern.compile("\\bio\\.r2dbc\\.");
    private static final Pattern ANY_DRIVER = Pattern.compile(
            "\\b(java\\.sql|javax\\.sql|io\\.r2dbc|org\\.postgresql|com\\.zaxxer\\.hikari)\\.");
    /** The optional dependencies of io.pgrecord.test, absent from a production class path. */
    private static final Pattern TEST_SUPPORT = Pattern.compile("\\b(org\\.junit|io\\.zonky)\\.");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    /** Files outside internal/jdbc where jOOQ's API puts java.sql types in the code. */
    private static final Map<String, String> JAVA_SQL_ALLOWED = Map.ofEntries(
            Map.entry("types/PgTextBinding.java", "jOOQ's Binding SPI declares SQLException and uses java.sql.Types"),
            Map.entry("types/PgTextArrayBinding.java", "jOOQ's Binding SPI declares SQLException and uses java.sql.Types"),
            Map.entry("internal/types/TextBinding.java", "jOOQ's Binding SPI"),
            Map.entry("internal/types/TextArrayBinding.java", "jOOQ's Binding SPI"),
            Map.entry("internal/types/ArrayFieldBinding.java", "jOOQ's Binding SPI"),
            Map.entry("internal/types/TemporalBinding.java", "jOOQ's Binding SPI"),
            Map.entry("internal/types/ColumnKind.java", "jOOQ's DataType reports java.sql.Types codes"),
            Map.entry("internal/model/CopyText.java", "jOOQ hands DATE and TIMESTAMP values as java.sql.Date/Timestamp"),
            Map.entry("internal/schema/CatalogQueries.java", "jOOQ over JDBC hands a text[] value as java.sql.Array"),
            Map.entry("internal/error/UnreadableColumnException.java", "jOOQ wraps the driver's SQLException as the cause"),
            Map.entry("internal/error/Causes.java", "jOOQ wraps a binding's refusal of a value in an SQLException on both paths"),
            Map.entry("internal/model/RowMapper.java", "jOOQ over JDBC hands an untyped array column as java.sql.Array"));

    @Test
    void jdbcDriversOnlyInInternalJdbc() {
        assertThat(offenders(JDBC_DRIVERS, file -> file.startsWith("internal/jdbc/"))).isEmpty();
    }

    @Test
    void javaSqlOnlyInInternalJdbcOrWhereJooqForcesIt() {
        assertThat(offenders(JAVA_SQL, file -> file.startsWith("internal/jdbc/") || JAVA_SQL_ALLOWED.containsKey(file)))
                .isEmpty();
    }

    @Test
    void r2dbcOnlyInInternalR2dbc() {
        // API.md §11: AsyncPostgresBackend.of(io.r2dbc.spi.ConnectionFactory) names the SPI in its signature;
        // the Spring integration hands the application's ConnectionFactory to it, through Spring's transactions
        assertThat(offenders(R2DBC, file -> file.startsWith("internal/r2dbc/") || file.equals("AsyncPostgresBackend.java")
                || file.startsWith("spring/"))).isEmpty();
    }

    @Test
    void transactionRulesNameNoDriver() {
        assertThat(offenders(ANY_DRIVER, file -> !file.startsWith("internal/tx/"))).isEmpty();
        assertThat(sources().keySet()).anyMatch(file -> file.startsWith("internal/tx/"));
    }

    @Test
    void junitAndTheEmbeddedServerOnlyInTestSupport() {
        assertThat(offenders(TEST_SUPPORT, file -> file.startsWith("test/"))).isEmpty();
        assertThat(sources().keySet()).anyMatch(file -> file.startsWith("test/"));
    }

    @Test
    void publicFacadesHoldNoConnection() {
        Map<String, String> facades = new TreeMap<>();
        sources().forEach((file, code) -> {
            if (!file.contains("/") && code.contains("Connection") && Pattern.compile(
                    "\\b(java\\.sql\\.Connection|io\\.r2dbc\\.spi\\.Connection)\\b").matcher(code).find()) {
                facades.put(file, "names a driver connection");
            }
        });
        assertThat(facades).isEmpty();
    }

    /** Files matching {@code pattern} that {@code allowed} does not excuse, with the first match. */
    private static Map<String, String> offenders(Pattern pattern, Predicate<String> allowed) {
        Map<String, String> found = new TreeMap<>();
        sources().forEach((file, code) -> {
            var m = pattern.matcher(code);
            if (!allowed.test(file) && m.find()) {
                found.put(file, m.group());
            }
        });
        return found;
    }

    /** Every main source by its path under io/pgrecord, with comments removed. */
    private static Map<String, String> sources() {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String file = MAIN.relativize(p).toString().replace('\\', '/');
                all.put(file, COMMENTS.matcher(Files.readString(p)).replaceAll(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(all).as("main sources under " + MAIN.toAbsolutePath()).isNotEmpty();
        return all;
    }
}
