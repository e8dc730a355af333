package io.pgrecord.model;

import static io.pgrecord.model.TypeSamples.ip;
import static io.pgrecord.testing.ModelOps.get;
import static io.pgrecord.testing.ModelOps.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.Model;
import io.pgrecord.QueryBuilder;
import io.pgrecord.error.CheckViolationException;
import io.pgrecord.models.Mood;
import io.pgrecord.error.DataException;
import io.pgrecord.models.SpecimenSchema;
import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.postgres.extensions.types.Cidr;
import org.jooq.postgres.extensions.types.Inet;
import org.jooq.postgres.extensions.types.Ltree;
import org.jooq.impl.DSL;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.types.YearToSecond;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Columns whose type a {@code @Column(type)} or the schema decides, used in queries on both
 * backends: citext compares case-insensitively, regclass and regconfig work as names, domains
 * check their constraints, money sums and orders exactly, and values of the newer mappings
 * bind in raw SQL.
 */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class DeclaredTypesTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        SpecimenSchema.create(db, false);
    }

    private static QueryBuilder<Object, ?> mine(ModelOps ops, String tag) {
        return ops.query("Specimen").where("vc = ?", tag);
    }

    @BothBackends
    @SuppressWarnings("cast") // the (Object) cast makes assertThat take the generic field read as an Object
    void citextRegclassAndRegconfigWorkAsTheirTypes(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String tag = "names " + exec;
        ops.insert("Specimen", "vc", tag, "ci", "MiXeD Case", "cis", List.of("AbC"), "rel", "specimens", "tsconfig", "english",
                "oid", 4_294_967_295L);
        assertThat(ops.all(mine(ops, tag).where("ci = ?", "mixed CASE"))).hasSize(1);
        assertThat(ops.all(mine(ops, tag).where("? = ANY(cis)", "abc"))).hasSize(1);
        assertThat(ops.all(mine(ops, tag).where("rel = ?::regclass", "specimens"))).hasSize(1);
        assertThat(ops.all(mine(ops, tag).where("to_tsvector(tsconfig, 'the cats') @@ 'cat'::tsquery"))).hasSize(1);
        assertThat(ops.all(mine(ops, tag).where("oid = ?", 4_294_967_295L))).hasSize(1);
        Object one = ops.one(mine(ops, tag));
        assertThat((Object) get(one, "rel")).isEqualTo("specimens");
        assertThat((Object) get(one, "tsconfig")).isEqualTo("english");
    }

    /**
     * oid is unsigned, but its text input also takes -1 to -2147483648 as the oids past 2^31:
     * -1 was stored as 4294967295. Every write path refuses an oid outside 0..4294967295, in a
     * field or an oid[] element, naming the column, before any SQL; so does a where bind.
     */
    @BothBackends
    void oidsOutsideTheirRangeAreRefusedOnEveryPath(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String tag = "oid " + exec;
        Model existing = ops.insert("Specimen", "vc", tag, "oid", 7L);
        Object id = get(existing, "id");
        for (long bad : new long[] {-1L, -2_147_483_648L, 4_294_967_296L}) {
            Map<String, ThrowingCallable> paths = new LinkedHashMap<>();
            paths.put("insert", () -> ops.insert("Specimen", "vc", tag, "oid", bad));
            paths.put("update", () -> {
                Model m = ops.getById("Specimen", id);
                set(m, "oid", bad);
                ops.save(m);
            });
            paths.put("insertAll", () -> ops.insertAll("Specimen", List.of(ops.create("Specimen", "vc", tag, "oid", 1L),
                    ops.create("Specimen", "vc", tag, "oid", bad))));
            paths.put("upsert", () -> ops.upsert(ops.create("Specimen", "id", id, "vc", tag, "oid", bad), "id"));
            paths.put("upsertAll", () -> ops.upsertAll("Specimen", List.of(ops.create("Specimen", "id", id, "vc", tag, "oid", bad)), "id"));
            paths.put("updateAll", () -> ops.updateAll(mine(ops, tag), Map.of("oid", bad)));
            paths.put("copyIn", () -> ops.copyIn("Specimen", List.of(ops.create("Specimen", "vc", tag, "oid", 1L),
                    ops.create("Specimen", "vc", tag, "oid", bad))));
            paths.put("oid[] element", () -> ops.insert("Specimen", "vc", tag, "oids", Arrays.asList(1L, null, bad)));
            paths.put("oid[] element, copyIn", () -> ops.copyIn("Specimen", List.of(ops.create("Specimen", "vc", tag,
                    "oids", List.of(bad)))));
            paths.put("oid[] element, updateAll", () -> ops.updateAll(mine(ops, tag), Map.of("oids", List.of(2L, bad))));
            for (Map.Entry<String, ThrowingCallable> path : paths.entrySet()) {
                ops.log().start();
                assertThatThrownBy(path.getValue()).as(bad + " via " + path.getKey()).isInstanceOf(DataException.class)
                        .hasMessageContaining("value " + bad + " for column " + (path.getKey().startsWith("oid[]") ? "oids" : "oid")
                                + " is out of range for type oid (0..4294967295)")
                        .satisfies(e -> assertThat(((DataException) e).sqlState()).isEqualTo("22003"));
                assertThat(ops.log().stop()).as(bad + " via " + path.getKey())
                        .noneMatch(sql -> sql.startsWith("INSERT") || sql.startsWith("UPDATE") || sql.startsWith("COPY"));
            }
            // the server refuses what a where bind compares with an oid column
            assertThatThrownBy(() -> ops.all(mine(ops, tag).where("oid = ?", bad))).as(bad + " via where")
                    .isInstanceOf(DataException.class);
        }
        assertThat(db.query("SELECT oid::text, oids::text FROM specimens WHERE vc = '" + tag + "'"))
                .containsExactly(Arrays.asList("7", null));
        // both ends of the range are written and read back
        ops.copyIn("Specimen", List.of(ops.create("Specimen", "vc", tag, "oid", 0L, "oids", List.of(0L, 4_294_967_295L))));
        ops.updateAll(mine(ops, tag).where("oid = ?", 7L), Map.of("oid", 4_294_967_295L));
        assertThat(ops.all(mine(ops, tag).orderBy("oid")).stream().map(m -> ModelOps.<Long>get(m, "oid")).toList())
                .containsExactly(0L, 4_294_967_295L);
        assertThat(db.queryValue("SELECT oids::text FROM specimens WHERE vc = '" + tag + "' AND oid = 0")).isEqualTo("{0,4294967295}");
    }

    /**
     * String binds go out untyped on both paths, so the server compares them as the column's
     * type: citext case-insensitively, whether the string comes from a jOOQ condition, plain SQL
     * binds, {@code where(sql, binds)}, a model query's jOOQ condition or a batch.
     */
    @BothBackends
    void stringBindsCompareAsTheColumnTypeOnBothPaths(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        AnyBackend backend = db.on(exec);
        String tag = "untyped " + exec;
        ops.insert("Specimen", "vc", tag, "ci", "Hello World");
        org.jooq.Field<String> ci = DSL.field("ci", String.class);
        org.jooq.Field<String> vc = DSL.field("vc", String.class);
        assertThat(backend.fetch(backend.dsl().select(vc).from("specimens").where(ci.eq("HELLO WORLD")).and(vc.eq(tag))))
                .as("jOOQ condition").hasSize(1);
        assertThat(backend.fetchValue("SELECT count(*) FROM specimens WHERE ci = ? AND vc = ?", "hello world", tag))
                .as("plain SQL binds").isEqualTo(1L);
        assertThat(ops.all(mine(ops, tag).where("ci = ?", "HELLO world"))).as("where(sql, binds)").hasSize(1);
        assertThat(ops.all(mine(ops, tag).where(ci.eq("hello WORLD")))).as("model query, jOOQ condition").hasSize(1);
        assertThat(backend.fetchValue("SELECT count(*) FROM specimens WHERE ci IN (?, ?) AND vc = ?", "x", "HELLO WORLD", tag))
                .isEqualTo(1L);
        // a string null binds untyped too, and a string into a non-text column is typed by the server
        assertThat(backend.execute("UPDATE specimens SET ci = ?, positive = ? WHERE vc = ?", DSL.val((String) null), "5", tag)).isEqualTo(1);
        assertThat(db.queryValue("SELECT coalesce(ci, 'null') || ' ' || positive FROM specimens WHERE vc = '" + tag + "'"))
                .isEqualTo("null 5");
    }

    /**
     * A list or array of strings binds as one untyped array literal, which the server types from
     * the other operand as it does a string: citext stays case-insensitive in {@code = any(?)} and
     * in an IN list past 1,000 elements (one such array), an enum column takes labels, and a
     * text[] or citext[] column takes the list as its own type.
     */
    @BothBackends
    void stringListsCompareAsTheColumnType(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String tag = "lists " + exec;
        ops.insert("Specimen", "vc", tag, "ci", "Hello", "mood", Mood.BRACES, "texts", List.of("a", "b"), "cis", List.of("AbC"));
        assertThat(ops.count(mine(ops, tag).where("ci IN (?)", List.of("hello", "zzz")))).isOne();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add("zzz" + i);
        }
        many.add("hELLO");
        QueryBuilder<Object, ?> longIn = mine(ops, tag).where("ci IN (?)", many);
        assertThat(longIn.toSql()).containsIgnoringCase("= any");
        assertThat(ops.count(longIn)).isOne();
        assertThat(ops.count(mine(ops, tag).where("ci NOT IN (?)", many))).isZero();
        assertThat(ops.count(mine(ops, tag).where("ci IN (?)", many.subList(0, 1000)))).isZero();
        assertThat(ops.count(mine(ops, tag).where("ci = ANY(?)", List.of("HELLO", "zzz")))).isOne();
        assertThat(ops.count(mine(ops, tag).where("ci = ANY(?)", (Object) new String[] {"zzz", "hello"}))).isOne();
        assertThat(ops.count(mine(ops, tag).where("ci = ANY(?)", (Object) new Object[] {"hellO"}))).isOne();
        assertThat(ops.count(mine(ops, tag).where("vc = ANY(?)", List.of(tag, "x")))).isOne();
        assertThat(ops.count(mine(ops, tag).where("mood = ANY(?)", List.of("sad", "{braces}")))).isOne();
        assertThat(ops.count(mine(ops, tag).where("texts = ? AND texts @> ?", List.of("a", "b"), new String[] {"b"}))).isOne();
        assertThat(ops.count(mine(ops, tag).where("cis @> ?", List.of("abc")))).isOne();
        assertThat(ops.count(mine(ops, tag).where("txt = ANY(?)", List.of("a")))).isZero();
    }

    @BothBackends
    void domainsCheckTheirConstraintsAndNothingIsWritten(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        long before = (Long) db.queryValue("SELECT count(*) FROM specimens");
        assertThatThrownBy(() -> ops.insert("Specimen", "positive", -1)).isInstanceOf(CheckViolationException.class)
                .hasMessageContaining("positive_int");
        assertThatThrownBy(() -> ops.insert("Specimen", "code", "much too long")).isInstanceOf(CheckViolationException.class)
                .hasMessageContaining("code_text");
        assertThat(db.queryValue("SELECT count(*) FROM specimens")).isEqualTo(before);
        Model ok = ops.insert("Specimen", "positive", 7, "code", "short");
        assertThat(db.queryValue("SELECT pg_typeof(positive)::text || ' ' || pg_typeof(code)::text FROM specimens WHERE id = "
                + get(ok, "id"))).isEqualTo("positive_int code_text");
    }

    @BothBackends
    void moneySumsOrdersAndUpdatesExactly(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String tag = "money " + exec;
        for (String amount : List.of("0.10", "0.20", "92233720368547758.07")) {
            ops.insert("Specimen", "vc", tag, "cash", new BigDecimal(amount));
        }
        ops.insert("Specimen", "vc", tag);
        assertThat(ops.sum(mine(ops, tag).where("cash::numeric < ?", new BigDecimal("1")), "cash")).isEqualByComparingTo("0.30");
        assertThat((BigDecimal) ops.max(mine(ops, tag), "cash")).isEqualByComparingTo("92233720368547758.07");
        assertThat(ops.pluck(mine(ops, tag).where("cash IS NOT NULL").orderBy("-cash"), "cash", BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("92233720368547758.07"), new BigDecimal("0.20"), new BigDecimal("0.10"));
        assertThat(ops.updateAll(mine(ops, tag).where("cash IS NOT NULL"), Map.of("cash", new BigDecimal("-1.05")))).isEqualTo(3);
        assertThat(db.queryValue("SELECT sum(cash)::numeric FROM specimens WHERE vc = '" + tag + "'")).isEqualTo(new BigDecimal("-3.15"));
    }

    @BothBackends
    void newerMappingsBindInRawSql(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String tag = "raw " + exec;
        UUID uid = UUID.randomUUID();
        ops.insert("Specimen", "vc", tag, "span", Duration.ofMinutes(90), "period", YearToSecond.valueOf("+1-0 +0 00:00:00"),
                "ip", ip("192.168.0.1"), "inet", Inet.valueOf(ip("10.1.2.3"), 8), "net", org.jooq.postgres.extensions.types.Cidr
                        .valueOf(ip("10.0.0.0"), 8), "ltree", Ltree.valueOf("top.science"), "clockTz", OffsetTime.parse("10:00+05:30"),
                "bytes", new byte[] {1, 2}, "uid", uid, "grid", new Integer[][] {{1, 2}, {3, 4}});
        assertThat(ops.all(mine(ops, tag)
                .where("span > ?", Duration.ofHours(1))
                .where("period = ?", YearToSecond.valueOf("+0-12 +0 00:00:00"))
                .where("ip = ?", ip("192.168.0.1"))
                .where("inet = ?", Inet.valueOf(ip("10.1.2.3"), 8))
                .where("net >>= ?", Cidr.valueOf(ip("10.9.0.0"), 16))
                .where("ltree <@ ?", Ltree.valueOf("top"))
                .where("clock_tz = ?", OffsetTime.parse("10:00+05:30"))
                .where("bytes = ?", (Object) new byte[] {1, 2})
                .where("uid = ANY(?)", List.of(uid))
                .where("grid = ?", (Object) new Integer[][] {{1, 2}, {3, 4}}))).hasSize(1);
    }
}
