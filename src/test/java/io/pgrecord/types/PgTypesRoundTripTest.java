package io.pgrecord.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;
import static org.jooq.postgres.extensions.types.BigDecimalRange.bigDecimalRange;
import static org.jooq.postgres.extensions.types.IntegerRange.integerRange;
import static org.jooq.postgres.extensions.types.LocalDateRange.localDateRange;
import static org.jooq.postgres.extensions.types.LocalDateTimeRange.localDateTimeRange;
import static org.jooq.postgres.extensions.types.LongRange.longRange;
import static org.jooq.postgres.extensions.types.OffsetDateTimeRange.offsetDateTimeRange;

import io.pgrecord.error.DataException;
import io.pgrecord.error.DatabaseException;
import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@link PgTypes} data type written and read back through raw jOOQ on both backends, with
 * the server's own text and arithmetic as the reference.
 */
@ExtendWith(PgExtension.class)
class PgTypesRoundTripTest {

    private record Col<T>(String name, String sqlType, DataType<T> type, T value) {
        Field<T> field() {
            return DSL.field(DSL.name(name), type);
        }
    }

    private static final Point P12 = Point.of(1, 2);
    private static final Point P34 = Point.of(3.5, -4);

    private static final List<Col<?>> COLUMNS = List.of(
            new Col<>("mac", "macaddr", PgTypes.MACADDR, MacAddress.parse("08:00:2b:01:02:03")),
            new Col<>("mac8", "macaddr8", PgTypes.MACADDR8, MacAddress.parse("08:00:2b:01:02:03:04:05")),
            new Col<>("bits", "bit(4)", PgTypes.BIT, BitString.parse("1010")),
            new Col<>("varbits", "varbit", PgTypes.VARBIT, BitString.parse("110011001")),
            new Col<>("doc", "tsvector", PgTypes.TSVECTOR, TsVector.parse("'a':1,3B 'b':2 'it''s' 'x y':4A")),
            new Col<>("query", "tsquery", PgTypes.TSQUERY, TsQuery.parse("( 'fat' | 'rat' ) & 'cat':*A & !'dog'")),
            new Col<>("expr", "jsonpath", PgTypes.JSONPATH, JsonPath.of("$.\"a\"[*]?(@ > 1)")),
            new Col<>("pt", "point", PgTypes.POINT, Point.of(1.5, -2e20)),
            new Col<>("ln", "line", PgTypes.LINE, Line.of(1, -1, 0.25)),
            new Col<>("seg", "lseg", PgTypes.LSEG, LineSegment.of(P12, P34)),
            new Col<>("bx", "box", PgTypes.BOX, Box.of(P12, P34)),
            new Col<>("open_path", "path", PgTypes.PATH, Path.open(P12, P34, Point.of(0, 0))),
            new Col<>("closed_path", "path", PgTypes.PATH, Path.closed(P12, P34)),
            new Col<>("poly", "polygon", PgTypes.POLYGON, Polygon.of(P12, P34, Point.of(0.1, 0.00001))),
            new Col<>("circ", "circle", PgTypes.CIRCLE, Circle.of(P34, 2.5)));

    private static final List<Col<?>> MULTIRANGES = List.of(
            new Col<>("i4", "int4multirange", PgTypes.INT4MULTIRANGE,
                    MultiRange.of(integerRange(1, true, 3, false), integerRange(5, true, null, false))),
            new Col<>("i8", "int8multirange", PgTypes.INT8MULTIRANGE,
                    MultiRange.of(longRange(null, false, -5L, true), longRange(1L << 40, true, (1L << 40) + 9, false))),
            new Col<>("num", "nummultirange", PgTypes.NUMMULTIRANGE,
                    MultiRange.of(bigDecimalRange(new BigDecimal("1.50"), true, new BigDecimal("2"), true),
                            bigDecimalRange(new BigDecimal("3"), false, new BigDecimal("4.125"), false))),
            new Col<>("dates", "datemultirange", PgTypes.DATEMULTIRANGE,
                    MultiRange.of(localDateRange(LocalDate.of(2024, 1, 1), true, LocalDate.of(2024, 1, 31), true),
                            localDateRange(LocalDate.of(2024, 3, 1), true, LocalDate.MAX, false))),
            new Col<>("ts", "tsmultirange", PgTypes.TSMULTIRANGE,
                    MultiRange.of(localDateTimeRange(LocalDateTime.parse("2024-01-01T10:00"), true,
                            LocalDateTime.parse("2024-01-01T12:30:00.25"), false))),
            new Col<>("tstz", "tstzmultirange", PgTypes.TSTZMULTIRANGE,
                    MultiRange.of(offsetDateTimeRange(OffsetDateTime.parse("2024-01-01T10:00:00+02:00"), true,
                            OffsetDateTime.parse("2024-01-01T12:00:00.000001Z"), true))),
            new Col<>("empty_range", "int4multirange", PgTypes.INT4MULTIRANGE, MultiRange.<IntegerRange>empty()));

    /** Each column again as an array, {value, NULL, value}, plus an empty array. */
    private static List<Col<?>> arrays(List<Col<?>> columns) {
        List<Col<?>> out = new ArrayList<>();
        columns.forEach(c -> out.add(arrayOf(c)));
        out.add(new Col<>("empty_array", "macaddr[]", PgTypes.MACADDR.getArrayDataType(), new MacAddress[0]));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> Col<T[]> arrayOf(Col<T> c) {
        T[] values = (T[]) Array.newInstance(c.type().getType(), 3);
        values[0] = c.value();
        values[2] = c.value();
        return new Col<>(c.name() + "_array", c.sqlType() + "[]", c.type().getArrayDataType(), values);
    }

    @BeforeAll
    static void schema(TestDatabase db) {
        db.execute(createTable("typed", COLUMNS), createTable("typed_arrays", arrays(COLUMNS)));
        if (version(db) >= 14) {
            db.execute(createTable("ranged", MULTIRANGES), createTable("ranged_arrays", arrays(MULTIRANGES)));
        }
    }

    private static int version(TestDatabase db) {
        return Integer.parseInt(db.queryValue("SHOW server_version_num").toString()) / 10000;
    }

    private static String createTable(String table, List<Col<?>> columns) {
        StringBuilder sql = new StringBuilder("CREATE TABLE " + table + " (k text PRIMARY KEY");
        columns.forEach(c -> sql.append(", ").append(c.name()).append(' ').append(c.sqlType()));
        return sql.append(')').toString();
    }

    @BothBackends
    void everyTypeRoundTrips(Exec exec, TestDatabase db) {
        roundTrip(db.on(exec), db, table("typed"), exec.name(), COLUMNS);
    }

    @BothBackends
    void everyMultirangeRoundTrips(Exec exec, TestDatabase db) {
        assumeThat(db.on(exec).serverVersion().major()).as("multiranges need PostgreSQL 14").isGreaterThanOrEqualTo(14);
        roundTrip(db.on(exec), db, table("ranged"), exec.name(), MULTIRANGES);
    }

    @BothBackends
    void everyTypeRoundTripsInArrays(Exec exec, TestDatabase db) {
        roundTrip(db.on(exec), db, table("typed_arrays"), exec.name(), arrays(COLUMNS));
    }

    @BothBackends
    void everyMultirangeRoundTripsInArrays(Exec exec, TestDatabase db) {
        assumeThat(db.on(exec).serverVersion().major()).as("multiranges need PostgreSQL 14").isGreaterThanOrEqualTo(14);
        roundTrip(db.on(exec), db, table("ranged_arrays"), exec.name(), arrays(MULTIRANGES));
    }

    /** Writes one row of values and one of NULLs, reads both back, and checks what the server holds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void roundTrip(AnyBackend b, TestDatabase db, Table<?> table, String key, List<Col<?>> columns) {
        Field<String> k = field(name("k"), String.class);
        b.execute(b.dsl().deleteFrom(table).where(k.startsWith(key)));
        var values = b.dsl().insertInto(table).set(k, key + "-values");
        var nulls = b.dsl().insertInto(table).set(k, key + "-nulls");
        for (Col c : columns) {
            values = values.set(c.field(), c.value());
            nulls = nulls.set(c.field(), (Object) null);
        }
        assertThat(b.execute(values)).isEqualTo(1);
        assertThat(b.execute(nulls)).isEqualTo(1);

        List<Field<?>> fields = new ArrayList<>();
        columns.forEach(c -> fields.add(c.field()));
        Record read = b.fetch(b.dsl().select(fields).from(table).where(k.eq(key + "-values"))).get(0);
        Record empty = b.fetch(b.dsl().select(fields).from(table).where(k.eq(key + "-nulls"))).get(0);
        for (Col<?> c : columns) {
            assertThat(read.get(c.field())).as(c.name()).isEqualTo(c.value());
            assertThat(empty.get(c.field())).as(c.name() + " null").isNull();
            // the side channel sees the text we print: the value arrived as written
            Object stored = db.queryValue("SELECT " + c.name() + "::text FROM " + table.getName() + " WHERE k = '" + key + "-values'");
            if (!c.sqlType().startsWith("tstzmultirange")) {
                assertThat(stored).as(c.name() + " on the server").isEqualTo(text(c));
            }
        }
        Object tstz = columns.stream().anyMatch(c -> c.name().equals("tstz"))
                ? db.queryValue("SELECT tstz = '{[\"2024-01-01 08:00:00+00\",\"2024-01-01 12:00:00.000001+00\"]}' FROM ranged WHERE k = '" + key + "-values'")
                : true;
        assertThat(tstz).isEqualTo(true);
    }

    private static String text(Col<?> c) {
        return c.value() instanceof Object[] array
                ? PgArrayText.format(array, c.sqlType().startsWith("box") ? ';' : ',')
                : c.value().toString();
    }

    @BothBackends
    void sixByteMacInMacaddr8ComesBackAsEui64(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        MacAddress six = MacAddress.parse("08:00:2b:01:02:03");
        Object read = b.fetch(b.dsl().select(val(six, PgTypes.MACADDR8))).get(0).get(0);
        assertThat(read).isEqualTo(six.toEui64());
    }

    @BothBackends
    void malformedMacIsRejectedAndNothingIsWritten(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        String key = exec + "-bad-mac";
        assertThatThrownBy(() -> MacAddress.parse("08:00:2b:01:02:03:04")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.execute("INSERT INTO typed (k, mac) VALUES (?, '08:00:2b:01:02')", key))
                .isInstanceOf(DataException.class);
        // an 8-byte address is valid Java but not a macaddr: the server says no
        MacAddress eight = MacAddress.parse("08:00:2b:01:02:03:04:05");
        Field<String> k = field(name("k"), String.class);
        assertThatThrownBy(() -> b.execute(b.dsl().insertInto(table("typed")).set(k, key).set(field(name("mac"), PgTypes.MACADDR), eight)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("macaddr");
        assertThat(db.queryValue("SELECT count(*) FROM typed WHERE k = '" + key + "'")).isEqualTo(0L);
    }

    @BothBackends
    void bitStringOperationsMatchTheServer(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        BitString x = BitString.parse("110010111");
        BitString y = BitString.parse("101011001");
        Map<String, BitString> expected = Map.of(
                "{0} & {1}", x.and(y), "{0} | {1}", x.or(y), "{0} # {1}", x.xor(y), "~{0}", x.not(),
                "{0} << 3", x.shiftLeft(3), "{0} >> 3", x.shiftRight(3), "{0} << -2", x.shiftLeft(-2),
                "{0} >> 20", x.shiftRight(20), "set_bit({0}, 1, 0)", x.set(1, false));
        expected.forEach((sql, java) -> {
            Field<BitString> server = DSL.field(sql, PgTypes.VARBIT, val(x, PgTypes.VARBIT), val(y, PgTypes.VARBIT));
            assertThat(b.fetch(b.dsl().select(server)).get(0).get(0)).as(sql).isEqualTo(java);
        });
        assertThat(b.fetchValue("SELECT (B'1100' & B'1010')::text")).isEqualTo(BitString.parse("1100").and(BitString.parse("1010")).toString());
        assertThat(b.fetch(b.dsl().select(DSL.field("get_bit({0}, 2)", Integer.class, val(x, PgTypes.VARBIT)))).get(0).get(0))
                .isEqualTo(x.get(2) ? 1 : 0);
        assertThat(b.fetch(b.dsl().select(DSL.field("({0})::bit(12)", PgTypes.BIT, DSL.inline(-5)))).get(0).get(0))
                .isEqualTo(BitString.fromInt(-5, 12));
        // the server, like BitString, refuses to combine different lengths
        assertThatThrownBy(() -> b.fetchValue("SELECT B'1100' & B'10'")).isInstanceOf(DataException.class)
                .hasMessageContaining("cannot AND bit strings of different sizes");
        assertThatThrownBy(() -> BitString.parse("1100").and(BitString.parse("10")))
                .hasMessageContaining("cannot AND bit strings of different sizes");
    }

    @BothBackends
    void bitColumnsKeepTheirLength(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        Field<String> k = field(name("k"), String.class);
        Field<BitString> bits = field(name("bits"), PgTypes.BIT);
        assertThatThrownBy(() -> b.execute(b.dsl().insertInto(table("typed")).set(k, exec + "-bits").set(bits, BitString.parse("101"))))
                .isInstanceOf(DataException.class).hasMessageContaining("bit string length 3 does not match type bit(4)");
        // bound as varbit, so nothing is cut to one bit on the way
        assertThat(b.fetch(b.dsl().select(val(BitString.parse("10110"), PgTypes.BIT))).get(0).get(0)).hasToString("10110");
    }

    @BothBackends
    void multirangeOperatorsOnTheServer(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        assumeThat(b.serverVersion().major()).as("multiranges need PostgreSQL 14").isGreaterThanOrEqualTo(14);
        MultiRange<IntegerRange> m = MultiRange.of(integerRange(1, true, 3, false), integerRange(5, true, 7, false));
        Field<MultiRange<IntegerRange>> bound = val(m, PgTypes.INT4MULTIRANGE);
        assertThat(b.fetch(b.dsl().select(DSL.field("{0} @> 2", Boolean.class, bound), DSL.field("{0} @> 4", Boolean.class, bound),
                DSL.field("{0} @> int4range(5, 7)", Boolean.class, bound))).get(0).intoArray()).containsExactly(true, false, true);
        // the server normalises as MultiRange.of does
        Field<MultiRange<IntegerRange>> serverMade = DSL.field("'{[1,3],[3,7),(10,12],[20,),empty}'::int4multirange", PgTypes.INT4MULTIRANGE);
        assertThat(b.fetch(b.dsl().select(serverMade)).get(0).get(0)).isEqualTo(MultiRange.of(
                integerRange(1, true, 3, true), integerRange(3, true, 7, false), integerRange(10, false, 12, true),
                integerRange(20, true, null, false), integerRange(1, true, 1, false)));
        Field<MultiRange<IntegerRange>> union = DSL.field("{0} + {1}", PgTypes.INT4MULTIRANGE, bound,
                val(MultiRange.of(integerRange(3, true, 5, false)), PgTypes.INT4MULTIRANGE));
        assertThat(b.fetch(b.dsl().select(union)).get(0).get(0)).isEqualTo(MultiRange.of(integerRange(1, 7)));
    }

    @BothBackends
    void textSearchNormalisesAsTheServerDoes(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        for (String text : List.of("b:2,1A a:3 a:1B,3C 'x y' z", "a:1*", "a:20000", "ab a aa b", "'a'b", "don't",
                "a\\ b", "'x\\'y'", "é e f", "a:3,1,2,1 a:1a,1d", "back\\\\slash", "")) {
            Field<TsVector> server = DSL.field("cast({0} as tsvector)", PgTypes.TSVECTOR, val(text));
            assertThat(b.fetch(b.dsl().select(server)).get(0).get(0)).as(text).isEqualTo(TsVector.parse(text));
        }
        for (String text : List.of("a<->b", "a & (b & c)", "a | b & c", "(a | b) & c", "!a & !(b|c)", "a <-> (b <-> c)",
                "(a <-> b) <-> c", "a <2> b <1> c", "a:*AB & b:ba*", "'it''s' & x\\y", "!!a", "!(a & b)", "a <0> b",
                "!a <-> b", "a & !b <-> c", "'a b'", "((a))", "a:dcba", "x | (y | z) | !(w <3> v)")) {
            Field<TsQuery> server = DSL.field("cast({0} as tsquery)", PgTypes.TSQUERY, val(text));
            assertThat(b.fetch(b.dsl().select(server)).get(0).get(0)).as(text).isEqualTo(TsQuery.parse(text));
        }
        Field<Boolean> match = DSL.field("{0} @@ {1}", Boolean.class,
                val(TsVector.parse("fat:1 cat:2 sat:3"), PgTypes.TSVECTOR), val(TsQuery.parse("cat & (rat | sat)"), PgTypes.TSQUERY));
        assertThat(b.fetch(b.dsl().select(match)).get(0).get(0)).isEqualTo(true);
        // tsquery_in reports bad syntax as 42601; a rejected value is still a DataException
        assertThatThrownBy(() -> b.fetchValue("SELECT 'a & & b'::tsquery")).isInstanceOf(DataException.class)
                .hasMessageContaining("syntax error in tsquery").satisfies(e -> assertThat(((DatabaseException) e).sqlState()).isEqualTo("42601"));
        assertThatThrownBy(() -> TsQuery.parse("a & & b")).isInstanceOf(IllegalArgumentException.class);
    }

    @BothBackends
    void jsonPathIsUsableAndNormalisedByTheServer(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        Field<Boolean> exists = DSL.field("jsonb_path_exists('{\"a\": [1, 5]}'::jsonb, {0})", Boolean.class,
                val(JsonPath.of("$.a[*] ? (@ > 4)"), PgTypes.JSONPATH));
        assertThat(b.fetch(b.dsl().select(exists)).get(0).get(0)).isEqualTo(true);
        assertThat(b.fetch(b.dsl().select(val(JsonPath.of("strict $.a"), PgTypes.JSONPATH))).get(0).get(0))
                .isEqualTo(JsonPath.of("strict $.\"a\""));
        // JsonPath checks only brackets and quotes; the server's grammar rejects the rest (as 42601, a DataException)
        assertThatThrownBy(() -> b.fetch(b.dsl().select(val(JsonPath.of("$.a ? @"), PgTypes.JSONPATH))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("jsonpath").satisfies(e -> assertThat(((DatabaseException) e).sqlState()).isEqualTo("42601"));
    }

    @BothBackends
    void geometryPrintsNumbersAsTheServerDoes(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        for (String sql : List.of("point(1e15, 0.00001)", "point(123456789012345, 0.0001)", "point(0.1, 1e-320)",
                "point('inf', 'nan')", "point(-2.5, 1.5e300)", "point(1.0/3, 2.0/3)")) {
            Record r = b.fetch(b.dsl().select(DSL.field(sql, PgTypes.POINT), DSL.field(sql + "::text", String.class))).get(0);
            assertThat(r.get(0)).as(sql).hasToString((String) r.get(1));
        }
        Field<Double> distance = DSL.field("{0} <-> {1}", Double.class, val(Point.of(0, 0), PgTypes.POINT), val(Point.of(3, 4), PgTypes.POINT));
        assertThat(b.fetch(b.dsl().select(distance)).get(0).get(0)).isEqualTo(5.0);
        Field<Boolean> inside = DSL.field("{0} @> {1}", Boolean.class,
                val(Box.of(Point.of(0, 0), Point.of(2, 2)), PgTypes.BOX), val(Point.of(1, 1), PgTypes.POINT));
        assertThat(b.fetch(b.dsl().select(inside)).get(0).get(0)).isEqualTo(true);
        Field<Box> normalised = DSL.field("'(1,4),(3,2)'::box", PgTypes.BOX);
        assertThat(b.fetch(b.dsl().select(normalised)).get(0).get(0)).isEqualTo(Box.of(Point.of(1, 4), Point.of(3, 2)));
    }

    @BothBackends
    void inlinedValuesRenderAsCasts(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        for (Col<?> c : COLUMNS) {
            Field<?> inline = inline(c);
            assertThat(b.dsl().render(inline)).as(c.name()).startsWith("cast('").endsWith("' as " + castType(c) + ")");
            assertThat(b.fetch(b.dsl().select(inline)).get(0).get(0)).as(c.name()).isEqualTo(c.value());
        }
        assertThat(b.dsl().render(val(P12, PgTypes.POINT)))
                .isEqualTo("cast(? as point)");
    }

    private static <T> Field<T> inline(Col<T> c) {
        return DSL.inline(c.value(), c.type());
    }

    private static String castType(Col<?> c) {
        return c.sqlType().startsWith("bit") ? "varbit" : c.sqlType();
    }

    @BothBackends
    void ddlUsesThePostgresTypeNames(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        String table = "ddl_" + exec.name().toLowerCase();
        var create = b.dsl().createTable(table).column("bits", PgTypes.BIT).column("varbits", PgTypes.VARBIT);
        for (Col<?> c : COLUMNS) {
            if (!c.name().contains("bits")) {
                create = create.column(c.name(), c.type());
            }
        }
        // DDL returns no row count on R2DBC, so it runs as a transaction step
        b.transaction("DROP TABLE IF EXISTS " + table, b.dsl().render(create));
        List<List<Object>> types = db.query("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = '" + table + "'::regclass AND attnum > 0 ORDER BY attnum");
        List<String> expected = new ArrayList<>();
        // plain "bit" is bit(1) to the server, as the Javadoc of PgTypes.BIT warns
        COLUMNS.forEach(c -> expected.add(c.name() + " " + c.sqlType().replace("bit(4)", "bit(1)")));
        assertThat(types.stream().map(r -> r.get(0) + " " + r.get(1))).containsExactlyInAnyOrderElementsOf(expected.stream()
                .map(s -> s.replace(" varbit", " bit varying")).toList());
    }
}
