package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.pgrecord.Model;
import io.pgrecord.models.Wide;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code copyIn} of the benchmark's twelve column types (text, varchar, integer, numeric(12,2),
 * boolean, timestamptz, date, uuid, jsonb, text[], inet) travels as binary COPY and stores
 * exactly what {@code insertAll}'s binds store, edge values and NULLs included.
 */
@ExtendWith(PgExtension.class)
class CopyInWideTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIELDS = {"title", "qty", "price", "active", "createdAt", "day", "ref", "payload", "tags", "ip"};

    @BeforeAll
    static void schema(TestDatabase db) {
        db.execute(Wide.createTable());
    }

    /** Each row's values, in {@link #FIELDS} order. */
    private static List<Object[]> samples() {
        List<Object[]> rows = new ArrayList<>();
        // SQL NULL everywhere
        rows.add(new Object[] {null, null, null, null, null, null, null, null, null, null});
        // JSON null, an empty array, zeros, a time and a day before 1970, the IPv6 loopback
        rows.add(new Object[] {"plain", 0, new BigDecimal("0"), false, OffsetDateTime.parse("1969-07-20T20:17:40.123456-05:00"),
            LocalDate.of(1900, 2, 28), new UUID(0, 0), NullNode.instance, List.of(), ip("::1")});
        // escapes and non-ASCII text, NULL and awkward array elements, after 2038, an IPv6 address
        rows.add(new Object[] {"tab\there\nnew line \\ back \"q\" \u00e9 \u2713 \ud83d\ude00", Integer.MIN_VALUE,
            new BigDecimal("-12.34"), true, OffsetDateTime.parse("2100-03-01T00:00:00.000001+05:30"), LocalDate.of(2039, 1, 19),
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            tree("{\"a\":[1,\"x\\ty\",null,true],\"\u00e9\":{\"n\":-1.5,\"s\":\"\ud83d\ude00\"},\"k\":\"v\"}"),
            Arrays.asList("a", null, "", "with,comma", "quo\"te", "back\\slash", "NULL", " spaced ", "{brace}", "\u00e9"),
            ip("2001:db8::ff00:42:8329")});
        // numeric at its largest, scales to pad (1.5) and a negative scale (1E+3), a string as JSON, one NULL element
        rows.add(new Object[] {"", Integer.MAX_VALUE, new BigDecimal("9999999999.99"), true,
            OffsetDateTime.parse("2038-01-19T03:14:08Z"), LocalDate.of(1, 1, 1), UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"),
            tree("\"just a string\""), Arrays.asList((String) null), ip("255.255.255.255")});
        rows.add(new Object[] {"x", -1, new BigDecimal("1.5"), false, OffsetDateTime.parse("1901-12-13T20:45:52.999999-12:00"),
            LocalDate.of(1969, 12, 31), UUID.fromString("00000000-0000-0001-0000-000000000001"), tree("[]"), List.of("only"),
            ip("0.0.0.0")});
        rows.add(new Object[] {"y", 7, new BigDecimal("1E+3"), true, OffsetDateTime.parse("2000-01-01T00:00:00+14:00"),
            LocalDate.of(2000, 1, 1), UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), tree("{}"), List.of("b", "a"),
            ip("::ffff:10.1.2.3")});
        rows.add(new Object[] {"z", 1, new BigDecimal("-0.01"), null, OffsetDateTime.parse("1970-01-01T00:00:00Z"),
            LocalDate.of(2262, 4, 12), null, tree("12345678901234567890"), List.of("x", "y", "z"), ip("fe80::1")});
        return rows;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private List<Model> models(ModelOps ops, String key) {
        List<Model> out = new ArrayList<>();
        List<Object[]> samples = samples();
        for (int k = 0; k < samples.size(); k++) {
            Model m = ops.create("Wide", "code", key + k);
            for (int i = 0; i < FIELDS.length; i++) {
                ModelOps.set(m, FIELDS[i], samples.get(k)[i]);
            }
            out.add(m);
        }
        return out;
    }

    @BothBackends
    void wideRowsTravelInBinaryAndStoreWhatTheBindsStore(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String copied = "copy-" + exec.name() + "-";
        String bound = "bind-" + exec.name() + "-";
        ops.log().start();
        assertThat(ops.copyIn("Wide", models(ops, copied))).isEqualTo(samples().size());
        assertThat(ops.log().stop()).last().asString().startsWith("COPY \"wides\"").endsWith(" FROM STDIN (FORMAT binary)");
        assertThat(ops.insertAll("Wide", models(ops, bound))).isEqualTo(samples().size());

        List<Object[]> samples = samples();
        for (int k = 0; k < samples.size(); k++) {
            assertThat(stored(db, copied + k)).as("row %d as stored", k).isEqualTo(stored(db, bound + k));
            Object back = ops.one(ops.query("Wide").where("code = ?", copied + k));
            for (int i = 0; i < FIELDS.length; i++) {
                Object wrote = samples.get(k)[i];
                Object read = get(back, FIELDS[i]);
                if (wrote instanceof BigDecimal d) {
                    assertThat((BigDecimal) read).as("row %d price", k).isEqualTo(d.setScale(2));
                } else if (wrote instanceof OffsetDateTime t) {
                    assertThat(((OffsetDateTime) read).toInstant()).as("row %d createdAt", k).isEqualTo(t.toInstant());
                } else {
                    assertThat(read).as("row %d %s", k, FIELDS[i]).isEqualTo(wrote);
                }
            }
        }
        assertThat(db.queryValue("SELECT count(*) FROM wides WHERE code LIKE '" + copied + "%' AND payload IS NULL")).isEqualTo(1L);
        assertThat(db.queryValue("SELECT count(*) FROM wides WHERE code LIKE '" + copied + "%' AND payload = 'null'::jsonb"))
                .isEqualTo(1L);
    }

    @BothBackends
    void generatedNumbersAndTextsStoreWhatTheBindsStore(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String copied = "gen-copy-" + exec.name() + "-";
        String bound = "gen-bind-" + exec.name() + "-";
        int rows = 300;
        assertThat(ops.copyIn("Wide", generated(ops, copied, rows))).isEqualTo(rows);
        assertThat(ops.insertAll("Wide", generated(ops, bound, rows))).isEqualTo(rows);
        for (int k = 0; k < rows; k++) {
            assertThat(stored(db, copied + k)).as("generated row %d", k).isEqualTo(stored(db, bound + k));
        }
    }

    /** Prices of every scale and length numeric(12,2) takes (the server rounds the longer fractions), texts of 1 to 4 UTF-8 bytes a char. */
    private List<Model> generated(ModelOps ops, String key, int count) {
        Random random = new Random(25);
        String[] pieces = {"a", "Z", "0", " ", "\t", "\\", "\"", ",", "{", "}", "\n", "\u00e9", "\u00ff", "\u0100", "\u07ff",
            "\u0800", "\u20ac", "\uffef", "\ud83d\ude00", "\udbff\udfff", "\ud800\udc00", "e\u0301"};
        List<Model> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int scale = random.nextInt(8);
            long unscaled = (long) (random.nextDouble() * Math.pow(10, 2 + random.nextInt(8) + scale)) * (random.nextBoolean() ? 1 : -1);
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            Model m = ops.create("Wide", "code", key + k);
            ModelOps.set(m, "price", BigDecimal.valueOf(unscaled, scale));
            ModelOps.set(m, "title", t);
            ModelOps.set(m, "tags", Arrays.asList(t, null, t + t));
            ModelOps.set(m, "payload", JSON.createObjectNode().put(t, t));
            out.add(m);
        }
        return out;
    }

    @BothBackends
    void anUnpairedSurrogateIsRefusedNamingItsColumnAndNothingIsWritten(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String key = "bad-" + exec.name() + "-";
        List<Object[]> bad = List.of(new Object[] {"title", "ok \ud800"}, new Object[] {"tags", List.of("ok", "\udc00 x")},
                new Object[] {"payload", JSON.createObjectNode().put("k", "x\ud83d")});
        for (Object[] b : bad) {
            Model fine = ops.create("Wide", "code", key + "fine", "title", "fine");
            Model wrong = ops.create("Wide", "code", key + b[0], b[0].toString(), b[1]);
            assertThatThrownBy(() -> ops.copyIn("Wide", List.of(fine, wrong))).as("%s", b[0])
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate")
                    .hasMessageContaining("value for " + b[0]);
        }
        assertThat(db.queryValue("SELECT count(*) FROM wides WHERE code LIKE '" + key + "%'")).isEqualTo(0L);
    }

    /** Every column of a row but id and code, in the server's text form, JSON null told from SQL NULL. */
    private static List<List<Object>> stored(TestDatabase db, String code) {
        return db.query("SELECT title, qty::text, price::text, active::text, created_at::text, day::text, ref::text,"
                + " payload::text, jsonb_typeof(payload), tags::text, array_length(tags, 1), ip::text, family(ip), masklen(ip)"
                + " FROM wides WHERE code = '" + code + "'");
    }
}
