package io.pgrecord;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgrecord.error.DataException;
import io.pgrecord.models.Memo;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
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
        db.execute(Memo.createTable());
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

    private static long memos(TestDatabase db) {
        return (Long) db.queryValue("SELECT count(*) FROM memos");
    }

    /** The call is refused as an unpaired surrogate before any SQL is sent, and nothing is written. */
    private static void refusedBeforeSql(ModelOps ops, TestDatabase db, String column, ThrowingCallable call) {
        long before = memos(db);
        ops.log().start();
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value for " + column + " is not valid UTF-16: unpaired surrogate");
        assertThat(ops.log().stop()).isEmpty();
        assertThat(memos(db)).isEqualTo(before);
        assertThat(db.queryValue("SELECT count(*) FROM memos WHERE body::text LIKE '%?%' OR label::text LIKE '%?%'"
                + " OR tree::text LIKE '%?%' OR loose::text LIKE '%?%' OR parts::text LIKE '%?%'")).isEqualTo(0L);
    }

    @BothBackends
    void loneSurrogateInsideJsonIsRejectedNotMangled(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        // Jackson writes a lone surrogate through, unescaped; the drivers would send it as '?'
        Map<String, Object> badValue = Map.of("k", "a\uD800b");
        Map<String, Object> badKey = Map.of("k\uDC00", 1);
        Map<String, Object> badNested = Map.of("k", List.of(1, Map.of("deep", List.of("x\uDBFFy"))));
        ObjectNode badTree = JsonNodeFactory.instance.objectNode();
        badTree.putObject("outer").put("in\uD83D", "v");
        refusedBeforeSql(ops, db, "body", () -> ops.insert("Memo", "body", badValue));
        refusedBeforeSql(ops, db, "body", () -> ops.insert("Memo", "body", badKey));
        refusedBeforeSql(ops, db, "body", () -> ops.insert("Memo", "body", badNested));
        refusedBeforeSql(ops, db, "loose", () -> ops.insert("Memo", "loose", badValue));
        refusedBeforeSql(ops, db, "label", () -> ops.insert("Memo", "label", new Memo.Label("t\uDC00", List.of())));
        refusedBeforeSql(ops, db, "label", () -> ops.insert("Memo", "label", new Memo.Label("t", List.of("ok", "\uD800"))));
        refusedBeforeSql(ops, db, "tree", () -> ops.insert("Memo", "tree", badTree));
        refusedBeforeSql(ops, db, "parts", () -> ops.insert("Memo", "parts", List.of(Map.of("k", "v"), badKey)));

        // an update, and the bulk writes, which share the bind path
        String ok = "ok \uD83D\uDE00 " + exec;   // a surrogate pair is fine
        var memo = ops.insert("Memo", "name", "m-" + exec, "body", Map.of("k", ok));
        ModelOps.set(memo, "body", badValue);
        refusedBeforeSql(ops, db, "body", () -> ops.save(memo));
        refusedBeforeSql(ops, db, "body", () -> ops.insertAll("Memo", List.of(ops.create("Memo", "body", Map.of("k", "fine")),
                ops.create("Memo", "body", badKey))));
        refusedBeforeSql(ops, db, "label", () -> ops.upsertAll("Memo", List.of(ops.create("Memo", "name", "m-" + exec,
                "label", new Memo.Label("\uDC00", List.of()))), "name"));
        refusedBeforeSql(ops, db, "body", () -> ops.updateAll(ops.query("Memo").where("name = ?", "m-" + exec),
                Map.of("body", badNested)));
        assertThat(db.queryValue("SELECT body->>'k' FROM memos WHERE name = 'm-" + exec + "'")).isEqualTo(ok);

        // where() binds of a Map, a tree or JSONB text, and a jOOQ condition
        assertThat(ops.all(ops.query("Memo").where("body @> ?", Map.of("k", ok)))).hasSize(1);
        refusedBeforeSql(ops, db, "a bind value", () -> ops.all(ops.query("Memo").where("body @> ?", badValue)));
        refusedBeforeSql(ops, db, "a bind value", () -> ops.all(ops.query("Memo").where("tree @> ?", badTree)));
        refusedBeforeSql(ops, db, "a bind value", () -> ops.all(ops.query("Memo").where("body @> ?",
                JSONB.valueOf("{\"k\": \"\uD800\"}"))));
        refusedBeforeSql(ops, db, "a JSON operand", () -> ops.all(ops.query("Memo").where(
                Pg.contains(DSL.field(DSL.name("body"), SQLDataType.JSONB), "{\"k\": \"\uDC00\"}"))));
        ops.log().start();
        assertThatThrownBy(() -> ops.all(ops.query("Memo").where(
                Pg.contains(DSL.field(DSL.name("body"), SQLDataType.JSONB), badNested))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid UTF-16: unpaired surrogate");
        assertThat(ops.log().stop()).isEmpty();
    }

    @BothBackends
    void loneSurrogateInsideJsonIsRefusedByCopyInInEitherFormat(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        long before = memos(db);
        // JSON alone travels in binary; with an interval beside it the copy goes as text
        for (java.time.Duration pause : java.util.Arrays.asList(null, java.time.Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> ops.copyIn("Memo", List.of(ops.create("Memo", "body", Map.of("k", "fine"), "pause", pause),
                    ops.create("Memo", "label", new Memo.Label("x", List.of("\uD800")), "pause", pause))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("value for label is not valid UTF-16: unpaired surrogate");
            assertThatThrownBy(() -> ops.copyIn("Memo", List.of(ops.create("Memo", "parts", List.of(Map.of("\uDC00", 1)),
                    "pause", pause)))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("value for parts is not valid UTF-16: unpaired surrogate in a JSON key");
        }
        assertThat(memos(db)).isEqualTo(before);
        // and good JSON, a surrogate pair included, copies in both formats
        String smile = "\uD83D\uDE00 " + exec;
        assertThat(ops.copyIn("Memo", List.of(ops.create("Memo", "body", Map.of("k", smile)),
                ops.create("Memo", "label", new Memo.Label("x", List.of("y")))))).isEqualTo(2);
        assertThat(ops.copyIn("Memo", List.of(ops.create("Memo", "body", Map.of("k", smile), "pause",
                java.time.Duration.ofSeconds(2))))).isEqualTo(1);
        assertThat(db.queryValue("SELECT count(*) FROM memos WHERE body->>'k' = '" + smile + "'")).isEqualTo(2L);
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
        // past what any numeric holds: pgjdbc's binary encoding would send such a value as 0
        for (String huge : List.of("1e400000", "-1.5e200000", "1e-20000")) {
            assertThatThrownBy(() -> ops.all(ops.query("User").where("score < ?", new BigDecimal(huge))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("overflows numeric format")
                    .satisfies(e -> assertThat(((DataException) e).sqlState()).isEqualTo("22003"));
        }
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
