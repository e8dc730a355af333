package io.pgrecord.model;

import static org.jooq.postgres.extensions.types.BigDecimalRange.bigDecimalRange;
import static org.jooq.postgres.extensions.types.IntegerRange.integerRange;
import static org.jooq.postgres.extensions.types.LocalDateRange.localDateRange;
import static org.jooq.postgres.extensions.types.LocalDateTimeRange.localDateTimeRange;
import static org.jooq.postgres.extensions.types.LongRange.longRange;
import static org.jooq.postgres.extensions.types.OffsetDateTimeRange.offsetDateTimeRange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pgrecord.models.Mood;
import io.pgrecord.models.OrderStatus;
import io.pgrecord.types.BitString;
import io.pgrecord.types.Box;
import io.pgrecord.types.Circle;
import io.pgrecord.types.JsonPath;
import io.pgrecord.types.Line;
import io.pgrecord.types.LineSegment;
import io.pgrecord.types.MacAddress;
import io.pgrecord.types.MultiRange;
import io.pgrecord.types.Path;
import io.pgrecord.types.Point;
import io.pgrecord.types.Polygon;
import io.pgrecord.types.TsQuery;
import io.pgrecord.types.TsVector;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.XML;
import org.jooq.postgres.extensions.types.Cidr;
import org.jooq.postgres.extensions.types.Hstore;
import org.jooq.postgres.extensions.types.Inet;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.jooq.postgres.extensions.types.Ltree;
import org.jooq.postgres.extensions.types.Range;
import org.jooq.types.YearToSecond;

/**
 * The values {@link TypeMatrixTest} writes: for each model field, a plain value, the boundaries
 * PostgreSQL allows (int8 limits, numeric scale, NaN and infinities, microseconds and offsets,
 * empty and unbounded ranges) and, for arrays, NULL elements.
 */
final class TypeSamples {

    /** A value to write, what should come back, and the server version it needs. */
    record Sample(Object value, Object expected, int minMajor) {
        Sample(Object value) {
            this(value, value, 0);
        }

        @Override
        public String toString() {
            return show(value);
        }
    }

    /** A model field with its samples. */
    record Case(String model, String field, List<Sample> samples) {
        @Override
        public String toString() {
            return field;
        }
    }

    static final UUID U1 = UUID.fromString("0e2a7c6c-8b4b-4d39-9d3c-5f0f5b1e9a01");
    static final UUID U2 = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");
    static final OffsetDateTime TZ = OffsetDateTime.parse("2024-01-02T03:04:05.123456+05:30");
    static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    private TypeSamples() {
    }

    static List<Case> specimen() {
        List<Case> c = new ArrayList<>();
        add(c, "flag", true, false);
        add(c, "small", Short.MIN_VALUE, Short.MAX_VALUE, (short) 0);
        add(c, "int4", Integer.MIN_VALUE, Integer.MAX_VALUE);
        add(c, "int8", Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        add(c, "real4", 1.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE);
        add(c, "float8", 1.0 / 3, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -1e308);
        add(c, "num", new BigDecimal("123456789.123456789012"), new BigDecimal("-0.00001"),
                new BigDecimal("12345678901234567890123456789012345678"), new BigDecimal("0.000000000000000000001"));
        c.add(new Case("Specimen", "numDouble", List.of(new Sample(2.5), new Sample(Double.NaN),
                new Sample(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 14),
                new Sample(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 14))));
        add(c, "txt", "héllo 世界 \t\n'\"\\ NULL", "", "NULL");
        add(c, "vc", "varchar, ok");
        c.add(new Case("Specimen", "ch", List.of(new Sample("ab", "ab   ", 0), new Sample("abcde"))));
        add(c, "ci", "MiXeD Case");
        add(c, "bytes", new byte[] {0, 1, 127, -128, -1, '\\', '\''}, new byte[0]);
        add(c, "uid", U1, U2);
        add(c, "day", LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
        add(c, "clock", LocalTime.parse("23:59:59.999999"), LocalTime.MIDNIGHT);
        add(c, "clockTz", OffsetTime.parse("10:15:30.123456+05:30"), OffsetTime.parse("00:00-12:00"));
        add(c, "stamp", LocalDateTime.parse("2024-01-02T03:04:05.123456"), LocalDateTime.parse("1970-01-01T00:00"));
        add(c, "stampTz", TZ, OffsetDateTime.parse("1999-12-31T23:59:59.999999-08:00"));
        add(c, "instant", Instant.parse("2024-01-02T03:04:05.123456Z"), Instant.EPOCH);
        add(c, "span", Duration.ofHours(36).plusNanos(123_456_000), Duration.ofSeconds(-90, 500_000_000), Duration.ZERO,
                Duration.ofDays(10_000).plusSeconds(1));
        add(c, "period", YearToSecond.valueOf("+1-2 +3 04:05:06.000007"), YearToSecond.valueOf("-1-2 -3 04:05:06.5"),
                new YearToSecond(new org.jooq.types.YearToMonth(5), new org.jooq.types.DayToSecond(1).neg()));
        add(c, "doc", JSON.valueOf("{\"b\": 1,  \"a\": [true, null]}"), JSON.valueOf("null"));
        add(c, "docb", JSONB.valueOf("{\"a\": 1, \"b\": [true, null]}"), JSONB.valueOf("null"));
        add(c, "attrs", Map.of("k", List.of(1, "x"), "nested", Map.of("deep", true)));
        add(c, "tree", tree("{\"a\":[1,2,{\"b\":null}]}"), NullNode.instance, TextNode.valueOf("s"));
        add(c, "items", List.of(1, "two", true));
        c.add(new Case("Specimen", "jpath", List.of(new Sample(JsonPath.of("$.a[*] ? (@ > 1)"), JsonPath.of("$.\"a\"[*]?(@ > 1)"), 0))));
        add(c, "kv", hstoreMap());
        add(c, "hs", Hstore.valueOf(hstoreMap()));
        add(c, "mood", (Object[]) Mood.values());
        add(c, "status", OrderStatus.PAID);
        c.add(new Case("Specimen", "i4r", List.of(new Sample(integerRange(1, 10)), new Sample(integerRange(null, null)),
                new Sample(integerRange(5, 5)),
                // the server keeps discrete ranges in their canonical [) form
                new Sample(integerRange(-3, true, 7, true), integerRange(-3, true, 8, false), 0))));
        add(c, "i8r", longRange(Long.MIN_VALUE, Long.MAX_VALUE), longRange(null, 0L));
        add(c, "numr", bigDecimalRange(new BigDecimal("1.5"), false, new BigDecimal("2.25"), true));
        add(c, "dr", localDateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1)), localDateRange(null, LocalDate.of(2024, 1, 1)));
        add(c, "tsr", localDateTimeRange(LocalDateTime.parse("2024-01-01T10:00:00.000001"), null));
        c.add(new Case("Specimen", "tstzr", List.of(new Sample(offsetDateTimeRange(TZ, TZ.plusDays(1)),
                offsetDateTimeRange(utc(TZ), utc(TZ.plusDays(1))), 0))));
        add(c, "ip", ip("192.168.0.1"), ip("::1"));
        add(c, "inet", Inet.valueOf(ip("10.1.2.3"), 8), Inet.valueOf(ip("2001:db8::1"), 64), Inet.valueOf(ip("10.1.2.3")));
        add(c, "net", Cidr.valueOf(ip("10.0.0.0"), 8), Cidr.valueOf(ip("2001:db8::"), 32));
        add(c, "mac", MacAddress.parse("08:00:2b:01:02:03"));
        add(c, "mac8", MacAddress.parse("08:00:2b:01:02:03:04:05"));
        add(c, "bits", BitString.parse("1010"));
        add(c, "varbits", BitString.parse("110011001"), BitString.parse(""));
        add(c, "cash", new BigDecimal("1234567.89"), new BigDecimal("-0.01"), new BigDecimal("92233720368547758.07"));
        add(c, "vector", TsVector.parse("'fat':2 'cat':3"));
        add(c, "query", TsQuery.parse("( 'fat' | 'rat' ) & 'cat':*A & !'dog'"));
        add(c, "pt", Point.of(1.5, -2e20));
        add(c, "ln", Line.of(1, -1, 0.25));
        add(c, "seg", LineSegment.of(Point.of(1, 2), Point.of(3.5, -4)));
        add(c, "bx", Box.of(Point.of(3.5, 2), Point.of(1, -4)));
        add(c, "route", Path.open(Point.of(1, 2), Point.of(3, 4)), Path.closed(Point.of(0, 0), Point.of(1, 1), Point.of(1, 0)));
        add(c, "poly", Polygon.of(Point.of(0, 0), Point.of(1, 1), Point.of(1, 0)));
        add(c, "circ", Circle.of(Point.of(0, 0), 2.5));
        add(c, "xml", XML.valueOf("<a x=\"1\">b &amp; c</a>"));
        add(c, "ltree", Ltree.valueOf("top.science.astronomy"));
        add(c, "oid", 4_294_967_295L, 0L);
        add(c, "rel", "specimens");
        add(c, "tsconfig", "english");
        add(c, "positive", 42);
        add(c, "code", "abc");
        arrays(c);
        grids(c);
        return c;
    }

    private static void arrays(List<Case> c) {
        add(c, "flags", (Object) new Boolean[] {true, null, false});
        add(c, "ints", new Integer[] {1, null, Integer.MIN_VALUE}, new Integer[0]);
        add(c, "longs", list(Long.MAX_VALUE, null, Long.MIN_VALUE));
        add(c, "doubles", (Object) new Double[] {Double.NaN, null, Double.NEGATIVE_INFINITY, 1.5});
        add(c, "nums", (Object) new BigDecimal[] {new BigDecimal("1.50"), null, new BigDecimal("-0.001")});
        add(c, "texts", list("a b", null, "NULL", "", "q\"\\,{}"));
        add(c, "cis", list("AbC", null));
        add(c, "blobs", (Object) new byte[][] {{1, 2}, null, {}});
        add(c, "uuids", list(U1, null, U2));
        add(c, "days", (Object) new LocalDate[] {LocalDate.of(2024, 2, 29), null});
        add(c, "clockTzs", (Object) new OffsetTime[] {OffsetTime.parse("10:15:30.123456+05:30"), null});
        add(c, "stamps", (Object) new LocalDateTime[] {LocalDateTime.parse("2024-01-02T03:04:05.123456"), null});
        c.add(new Case("Specimen", "stampTzs", List.of(new Sample(new OffsetDateTime[] {TZ, null}, new OffsetDateTime[] {utc(TZ), null}, 0))));
        add(c, "instants", list(Instant.parse("2024-01-02T03:04:05.123456Z"), null));
        add(c, "spans", (Object) new Duration[] {Duration.ofHours(36), null, Duration.ofMillis(-1500)});
        add(c, "periods", list(YearToSecond.valueOf("-1-2 -3 04:05:06.5"), null));
        add(c, "docbs", (Object) new JSONB[] {JSONB.valueOf("{\"a\": \"x,y\\\"}\"}"), null, JSONB.valueOf("null")});
        add(c, "attrList", list(Map.of("a", 1), null, Map.of()));
        add(c, "trees", (Object) new JsonNode[] {tree("[1,{\"b\":\"c\"}]"), null, NullNode.instance});
        add(c, "hss", (Object) new Hstore[] {Hstore.valueOf(hstoreMap()), null});
        add(c, "moods", list(Mood.values()), list(Mood.NULL_TEXT, null, Mood.EMPTY));
        add(c, "moodArr", (Object) new Mood[] {Mood.COMMA, null, Mood.NULL_TEXT, Mood.QUOTES, Mood.BACKSLASH, Mood.BRACES});
        add(c, "i4rs", (Object) new IntegerRange[] {integerRange(1, 3), null, integerRange(4, 4), integerRange(null, null)});
        c.add(new Case("Specimen", "tstzrs", List.of(new Sample(list(offsetDateTimeRange(TZ, null), null),
                list(offsetDateTimeRange(utc(TZ), null), null), 0))));
        add(c, "drs", (Object) new org.jooq.postgres.extensions.types.LocalDateRange[] {
            localDateRange(LocalDate.of(2024, 1, 1), null), null});
        add(c, "inets", (Object) new Inet[] {Inet.valueOf(ip("10.1.2.3"), 8), null, Inet.valueOf(ip("::1"))});
        add(c, "ips", list(ip("192.168.0.1"), null, ip("2001:db8::1")));
        add(c, "nets", (Object) new Cidr[] {Cidr.valueOf(ip("10.0.0.0"), 8), null});
        add(c, "macs", (Object) new MacAddress[] {MacAddress.parse("08:00:2b:01:02:03"), null});
        add(c, "varbitsArr", (Object) new BitString[] {BitString.parse("101"), null});
        add(c, "pts", (Object) new Point[] {Point.of(1, 2), null});
        add(c, "bxs", (Object) new Box[] {Box.of(Point.of(3, 4), Point.of(1, 2)), null});
        add(c, "xmls", (Object) new XML[] {XML.valueOf("<a>b</a>"), null});
        add(c, "ltrees", (Object) new Ltree[] {Ltree.valueOf("a.b"), null});
        add(c, "oids", list(1L, null, 4_294_967_295L));
        add(c, "grid", new Integer[][] {{1, null}, {3, 4}}, new Integer[0][]);
        add(c, "words", list(list("a", "NULL"), list(null, "x y,\"z\"")));
        add(c, "moodGrid", (Object) new Mood[][] {{Mood.SAD, Mood.NULL_TEXT}, {null, Mood.COMMA}});
        add(c, "uuidGrid", (Object) new UUID[][] {{U1, null}, {U2, U1}});
        add(c, "spanGrid", (Object) new Duration[][] {{Duration.ofSeconds(1), null}});
        // a full-length prefix is how PostgreSQL stores a host, and it prints none
        c.add(new Case("Specimen", "inetGrid", List.of(new Sample(
                new Inet[][] {{Inet.valueOf(ip("10.0.0.1")), null}, {null, Inet.valueOf(ip("::1"), 128)}},
                new Inet[][] {{Inet.valueOf(ip("10.0.0.1")), null}, {null, Inet.valueOf(ip("::1"))}}, 0))));
    }

    private static void grids(List<Case> c) {
        add(c, "rangeGrid", (Object) new IntegerRange[][] {{integerRange(1, 3), null}, {integerRange(null, null), integerRange(4, 4)}});
        add(c, "hstoreGrid", (Object) new Hstore[][] {{Hstore.valueOf(hstoreMap())}, {null}});
        add(c, "jsonbGrid", list(list(JSONB.valueOf("{\"a\": [1, \"}\"]}"), JSONB.valueOf("null")), list(null, JSONB.valueOf("2"))));
        add(c, "blobGrid", (Object) new byte[][][] {{{1, 2}, {}}, {null, {'\\'}}});
        c.add(new Case("Specimen", "stampTzGrid", List.of(new Sample(new OffsetDateTime[][] {{TZ, null}}, new OffsetDateTime[][] {{utc(TZ), null}}, 0))));
        add(c, "numGrid", (Object) new BigDecimal[][] {{new BigDecimal("1.50"), null}, {new BigDecimal("-1e-20"), BigDecimal.ZERO}});
        primitives(c);
    }

    /** Arrays of primitives, which hold no NULL element. */
    private static void primitives(List<Case> c) {
        add(c, "primInts", new int[] {1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE}, new int[0]);
        add(c, "primLongs", new long[] {Long.MAX_VALUE, -1, Long.MIN_VALUE}, new long[0]);
        add(c, "primShorts", (Object) new short[] {Short.MIN_VALUE, 0, Short.MAX_VALUE});
        add(c, "primDoubles", (Object) new double[] {Double.NaN, Double.NEGATIVE_INFINITY, -0.5, Double.MAX_VALUE});
        add(c, "primFloats", (Object) new float[] {Float.POSITIVE_INFINITY, 1.5f, -2.5e-30f});
        add(c, "primBools", (Object) new boolean[] {true, false, true});
        add(c, "primGrid", new int[][] {{1, 2}, {3, Integer.MIN_VALUE}}, new int[0][]);
    }

    static List<Case> multiranges() {
        List<Case> c = new ArrayList<>();
        MultiRange<IntegerRange> ints = MultiRange.of(integerRange(1, 3), integerRange(5, null));
        c.add(multi("i4m", ints, MultiRange.<IntegerRange>empty()));
        c.add(multi("i8m", MultiRange.of(longRange(null, -5L), longRange(1L << 40, (1L << 40) + 9))));
        c.add(multi("numm", MultiRange.of(bigDecimalRange(new BigDecimal("1.50"), true, new BigDecimal("2"), true))));
        c.add(multi("dm", MultiRange.of(localDateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)))));
        c.add(multi("tsm", MultiRange.of(localDateTimeRange(LocalDateTime.parse("2024-01-01T10:00"),
                LocalDateTime.parse("2024-01-01T12:30:00.000001")))));
        c.add(new Case("MultiSpecimen", "tstzm", List.of(new Sample(MultiRange.of(offsetDateTimeRange(TZ, null)),
                MultiRange.of(offsetDateTimeRange(utc(TZ), null)), 14))));
        c.add(multi("i4ms", list(ints, null, MultiRange.<IntegerRange>empty())));
        return c;
    }

    private static Case multi(String field, Object... values) {
        return new Case("MultiSpecimen", field, Arrays.stream(values).map(v -> new Sample(v, v, 14)).toList());
    }

    private static void add(List<Case> cases, String field, Object... values) {
        cases.add(new Case("Specimen", field, Arrays.stream(values).map(Sample::new).toList()));
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the generic varargs array is only read
    static <T> List<T> list(T... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Map<String, String> hstoreMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a", "1");
        m.put("b c", "x\"y\\z");
        m.put("n", null);
        m.put("=>", "NULL");
        return m;
    }

    static JsonNode tree(String json) {
        try {
            return JSON_MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Deep, value-based equality: arrays and lists element-wise, BigDecimal by value, JSON by content. */
    static boolean same(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof BigDecimal a && actual instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (expected instanceof OffsetDateTime a && actual instanceof OffsetDateTime b) {
            return a.isEqual(b);    // timestamptz keeps the instant; the offset read back is the session's
        }
        if (expected instanceof Range<?> a && actual instanceof Range<?> b) {
            if (a.isEmpty() || b.isEmpty()) {
                return a.isEmpty() == b.isEmpty();     // every empty range is the one 'empty'
            }
            return same(a.lower(), b.lower()) && same(a.upper(), b.upper())
                    && a.lowerIncluding() == b.lowerIncluding() && a.upperIncluding() == b.upperIncluding();
        }
        if (expected instanceof MultiRange<?> a && actual instanceof MultiRange<?> b) {
            return same(a.ranges(), b.ranges());
        }
        if (expected instanceof JSONB a && actual instanceof JSONB b) {
            return tree(a.data()).equals(tree(b.data()));
        }
        if (expected.getClass().isArray() && actual.getClass().isArray()) {
            if (!(expected instanceof Object[] a) || !(actual instanceof Object[] b)) {
                return Objects.deepEquals(expected, actual);     // byte[], int[] ...
            }
            return same(Arrays.asList(a), Arrays.asList(b));
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    static String show(Object v) {
        if (v != null && v.getClass().isArray()) {
            String shown = Arrays.deepToString(new Object[] {v});
            return shown.substring(1, shown.length() - 1);
        }
        return String.valueOf(v);
    }
}
