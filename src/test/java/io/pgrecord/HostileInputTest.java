package io.pgrecord;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.error.DataException;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad values get a clear error and write nothing, on both backends. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class HostileInputTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
    }

    private static long users(TestDatabase db, String like) {
        return (Long) db.queryValue("SELECT count(*) FROM users WHERE name LIKE '" + like + "'");
    }

    @BothBackends
    void nulByteInTextIsRejected(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        assertThatThrownBy(() -> ops.insert("User", "name", "nul-" + exec + "\u0000x")).isInstanceOf(DataException.class);
        assertThat(users(db, "nul-" + exec + "%")).isZero();
    }

    @BothBackends
    void loneSurrogateIsRejectedNotMangled(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        assertThatThrownBy(() -> ops.insert("User", "name", "sur-" + exec + "\uD800x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-16");
        assertThat(users(db, "sur-" + exec + "%")).isZero();
    }

    @BothBackends
    void aMegabyteStringRoundTrips(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String big = "big-" + exec + "-" + "é".repeat(512 * 1024);
        var u = ops.insert("User", "name", big);
        assertThat((String) get(ops.getById("User", get(u, "id")), "name")).isEqualTo(big);
    }

    @BothBackends
    void overflowsAreDataExceptions(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String name = "ovf-" + exec;
        ops.insert("User", "name", name, "score", 1);
        var q = ops.query("User").where("name = ?", name);
        assertThatThrownBy(() -> ops.updateAll(q, Map.of("score", 3_000_000_000L))).isInstanceOf(DataException.class)
                .hasMessageContaining("out of range for column score")
                .satisfies(e -> assertThat(((DataException) e).sqlState()).isEqualTo("22003"));
        assertThatThrownBy(() -> ops.all(ops.query("User").where("score > ?::int", 3_000_000_000L)))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ops.updateAll(q, Map.of("score", Double.NaN))).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ops.updateAll(q, Map.of("score", 1.5))).isInstanceOfAny(DataException.class,
                IllegalArgumentException.class);
        assertThat(db.queryValue("SELECT score FROM users WHERE name = '" + name + "'")).isEqualTo(1);
        assertThatThrownBy(() -> ops.insert("Product", "name", "p-" + exec, "price", new BigDecimal("123456789012.5")))
                .isInstanceOf(DataException.class);
        assertThat(db.queryValue("SELECT count(*) FROM products WHERE name = 'p-" + exec + "'")).isEqualTo(0L);
    }

    @BothBackends
    void malformedJsonRangesAndTimestamps(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        assertThatThrownBy(() -> ops.all(ops.query("Product").where("attributes @> ?", "{\"unclosed\": "))).isInstanceOf(DataException.class);
        Throwable badRange = org.assertj.core.api.Assertions.catchThrowable(() -> ops.insert("Booking", "room", 7,
                "dateRange", LocalDateRange.localDateRange(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1))));
        assertThat(badRange).isInstanceOfAny(DataException.class, IllegalArgumentException.class);
        assertThat(db.queryValue("SELECT count(*) FROM bookings WHERE room = 7")).isEqualTo(0L);
        assertThatThrownBy(() -> ops.all(ops.query("Booking").where("date_range @> ?::daterange", "[2024-01-05,2024-01-01)")))
                .isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ops.insert("User", "name", "ts-" + exec,
                "createdAt", java.time.OffsetDateTime.of(300_000, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC)))
                .isInstanceOfAny(DataException.class, IllegalArgumentException.class);
        assertThat(users(db, "ts-" + exec)).isZero();
    }
}
