package io.pgrecord.model;

import static io.pgrecord.model.TypeSamples.same;
import static io.pgrecord.model.TypeSamples.show;
import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.Model;
import io.pgrecord.PostgresBackend;
import io.pgrecord.models.SpecimenSchema;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.types.YearToSecond;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values whose text form depends on a session setting read back the same whatever the setting:
 * intervals under each {@code IntervalStyle}, bytea under {@code bytea_output = escape},
 * timestamps under another {@code TimeZone}, and money, exact under a {@code lc_monetary} that
 * writes {@code 1.234.567,89 €} (skipped where the server has no such locale).
 */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class SessionSettingsTest {

    private static final OffsetDateTime TZ = OffsetDateTime.parse("2024-01-02T03:04:05.123456+05:30");

    @BeforeAll
    static void schema(TestDatabase db) {
        SpecimenSchema.create(db, false);
    }

    @AfterEach
    void reset(TestDatabase db) {
        db.execute("ALTER DATABASE " + db.name() + " RESET ALL");
    }

    static Stream<Arguments> settings() {
        List<String> settings = List.of("IntervalStyle=postgres", "IntervalStyle=postgres_verbose", "IntervalStyle=sql_standard",
                "IntervalStyle=iso_8601", "bytea_output=escape", "TimeZone=America/St_Johns", "lc_monetary=de_DE", "lc_monetary=ja_JP");
        return Stream.of(Exec.values()).flatMap(exec -> settings.stream().map(s -> Arguments.of(exec, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("settings")
    void valuesReadBackTheSameUnder(Exec exec, String setting, TestDatabase db) {
        String name = setting.substring(0, setting.indexOf('='));
        String value = setting.substring(setting.indexOf('=') + 1);
        if (name.equals("lc_monetary")) {
            value = locale(db, value);
            assumeThat(value).as("the server's operating system has no " + setting + " locale").isNotNull();
        }
        db.execute("ALTER DATABASE " + db.name() + " SET " + name + " = '" + value + "'");
        Map<String, Object> values = values(name.equals("lc_monetary") && value.startsWith("ja"));
        withModels(exec, db, ops -> {
            List<Object> pairs = new java.util.ArrayList<>();
            values.forEach((field, v) -> {
                pairs.add(field);
                pairs.add(v);
            });
            Model m = ops.insert("Specimen", pairs.toArray());
            Model back = ops.getById("Specimen", get(m, "id"));
            values.forEach((field, v) -> assertThat(same(v, get(back, field)))
                    .as("%s under %s: wrote %s, read %s", field, setting, show(v), show(get(back, field))).isTrue());
            assertThat(back.isDirty()).isFalse();
            assertThat(db.queryValue("SELECT current_setting('" + name + "')")).as("the setting is in force").isNotNull();
            if (name.equals("lc_monetary")) {
                Object text = db.queryValue("SELECT cash::text FROM specimens WHERE id = " + get(m, "id"));
                assertThat(text).as("money text under " + setting).isNotEqualTo(values.get("cash").toString());
                assertThat(db.queryValue("SELECT cash = (" + values.get("cash") + ")::numeric::money FROM specimens WHERE id = "
                        + get(m, "id"))).isEqualTo(true);
            }
            return null;
        });
    }

    private static Map<String, Object> values(boolean wholeCurrencyUnits) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("span", Duration.ofHours(-36).minusNanos(500_000));
        v.put("period", YearToSecond.valueOf("-1-2 +3 04:05:06.000007"));
        v.put("spans", new Duration[] {Duration.ofDays(3).plusSeconds(1), null, Duration.ofMillis(-1500)});
        v.put("periods", TypeSamples.list(YearToSecond.valueOf("+0-1 -2 00:00:01"), null));
        v.put("bytes", new byte[] {0, '\\', 'a', -1});
        v.put("blobs", new byte[][] {{0, '\\', '"', -1}, null, {}});
        v.put("stampTz", TZ);
        v.put("instant", Instant.parse("2024-06-30T23:59:59.999999Z"));
        v.put("stampTzs", new OffsetDateTime[] {TZ, null});
        v.put("cash", wholeCurrencyUnits ? new BigDecimal("1234567") : new BigDecimal("1234567.89"));
        return v;
    }

    /** An lc_monetary name this server accepts for the language_COUNTRY, or null. */
    private static String locale(TestDatabase db, String base) {
        for (String candidate : new String[] {base + ".utf8", base + ".UTF-8", base}) {
            try (Connection c = db.jdbc(); Statement s = c.createStatement()) {
                s.execute("SET lc_monetary = '" + candidate + "'");
                return candidate;
            } catch (SQLException e) {
                // not installed under that spelling
            }
        }
        return null;
    }

    /** Fresh backends, so their connections start with the database's new settings. */
    private static void withModels(Exec exec, TestDatabase db, Function<ModelOps, Void> scenario) {
        if (exec == Exec.JDBC) {
            try (PostgresBackend b = new PostgresBackend(db.config()).connect()) {
                scenario.apply(ModelOps.with(b));
            }
        } else {
            AsyncPostgresBackend b = new AsyncPostgresBackend(db.config());
            try {
                b.connect().block(Duration.ofSeconds(30));
                scenario.apply(ModelOps.with(b));
            } finally {
                b.close();
            }
        }
    }
}
