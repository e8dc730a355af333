package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;
import static org.jooq.postgres.extensions.types.IntegerRange.integerRange;
import static org.jooq.postgres.extensions.types.LocalDateRange.localDateRange;

import io.pgrecord.error.DataException;
import io.pgrecord.error.UnsupportedCapabilityException;
import io.pgrecord.error.DatabaseException;
import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import io.pgrecord.types.Box;
import io.pgrecord.types.JsonPath;
import io.pgrecord.types.MacAddress;
import io.pgrecord.types.MultiRange;
import io.pgrecord.types.PgTypes;
import io.pgrecord.types.Point;
import io.pgrecord.types.TsQuery;
import io.pgrecord.types.TsVector;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.postgres.extensions.bindings.HstoreBinding;
import org.jooq.postgres.extensions.bindings.IntegerRangeBinding;
import org.jooq.postgres.extensions.bindings.LocalDateRangeBinding;
import org.jooq.postgres.extensions.types.Hstore;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each {@link Pg} helper selects exactly the right rows through raw jOOQ, on both backends; where
 * the server has an operator we render as a function, the server's own operator is the reference.
 */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class PgOperatorsTest {

    private static final Table<?> DOCS = table(name("docs"));
    private static final Field<Integer> ID = field(name("id"), SQLDataType.INTEGER);
    private static final Field<JSONB> DOC = field(name("doc"), SQLDataType.JSONB);
    /** The same column without a data type: values are then typed by themselves. */
    private static final Field<Object> DOC_UNTYPED = field(name("doc"));
    private static final Field<String[]> TAGS = field(name("tags"), SQLDataType.VARCHAR.array());
    private static final Field<Integer[]> SCORES = field(name("scores"), SQLDataType.INTEGER.array());
    private static final Field<IntegerRange> SPAN = field(name("span"), SQLDataType.OTHER.asConvertedDataType(new IntegerRangeBinding()));
    private static final Field<LocalDateRange> DAYS = field(name("days"), SQLDataType.OTHER.asConvertedDataType(new LocalDateRangeBinding()));
    private static final Field<String> BODY = field(name("body"), SQLDataType.VARCHAR);
    private static final Field<TsVector> TSV = field(name("tsv"), PgTypes.TSVECTOR);

    private static final Table<?> DEVICES = table(name("devices"));
    private static final Field<MacAddress[]> MACS = field(name("macs"), PgTypes.MACADDR.getArrayDataType());
    private static final Field<Box> AREA = field(name("area"), PgTypes.BOX);

    private static final Table<?> SLOTS = table(name("slots"));
    private static final Field<MultiRange<IntegerRange>> FREE = field(name("free"), PgTypes.INT4MULTIRANGE);

    private static final Table<?> PROPS = table(name("props"));
    private static final Field<Hstore> ATTRS = field(name("attrs"), SQLDataType.OTHER.asConvertedDataType(new HstoreBinding()));
    private static final Field<Object> ATTRS_UNTYPED = field(name("attrs"));

    private static final Table<?> COUNTERS = table(name("counters"));
    /** Qualified: in DO UPDATE, a bare "n" could be the table's or excluded's. */
    private static final Field<String> K = field(name("counters", "k"), SQLDataType.VARCHAR);
    private static final Field<Integer> N = field(name("counters", "n"), SQLDataType.INTEGER);
    private static final Field<String> NOTE = field(name("counters", "note"), SQLDataType.VARCHAR);

    private static final String EVIL = "x'); DROP TABLE docs; --";

    @BeforeAll
    static void schema(TestDatabase db) {
        db.execute(
                "CREATE TABLE docs (id int PRIMARY KEY, doc jsonb NOT NULL, tags text[] NOT NULL, scores int[] NOT NULL,"
                        + " span int4range NOT NULL, days daterange, body text NOT NULL,"
                        + " tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)",
                "INSERT INTO docs VALUES"
                        + " (1, '{\"name\": \"alpha\", \"kind\": \"db\", \"tags\": [\"sql\", \"fast\"], \"stock\": 5,"
                        + "      \"meta\": {\"color\": \"red\", \"size\": {\"w\": 2}}}',"
                        + "  '{postgres,sql}', '{1,2,3}', '[1,10)', '[2024-01-01,2024-02-01)',"
                        + "  'The quick brown fox jumps over the lazy dog'),"
                        + " (2, '{\"name\": \"beta\", \"kind\": \"cache\", \"stock\": 0, \"meta\": {\"color\": \"blue\"}}',"
                        + "  '{redis,nosql}', '{2,4}', '[10,20)', '[2024-02-01,2024-03-01)', 'A fast cache keeps hot keys in memory'),"
                        + " (3, '{\"name\": \"gamma\", \"kind\": \"db\", \"stock\": 12, \"tags\": [\"graph\"]}',"
                        + "  '{neo4j,graph,nosql}', '{5}', '[25,30)', '[2024-06-01,2024-07-01)',"
                        + "  'Graph databases store nodes and edges: a fox, two foxes, many foxes'),"
                        + " (4, '{\"name\": \"it''s \\\"quoted\\\"\", \"kind\": \"misc\"}', '{}', '{}', 'empty', NULL,"
                        + "  'Postgres full text search ranks documents by relevance')",
                "CREATE TABLE counters (k text PRIMARY KEY, n int NOT NULL, note text)",
                "CREATE TABLE devices (id int PRIMARY KEY, macs macaddr[] NOT NULL, area box NOT NULL)",
                "INSERT INTO devices VALUES (1, '{08:00:2b:01:02:03}', '((0,0),(2,2))'),"
                        + " (2, '{08:00:2b:01:02:04,08:00:2b:01:02:05}', '((5,5),(6,6))')");
        if (major(db) >= 14) {
            db.execute("CREATE TABLE slots (id int PRIMARY KEY, free int4multirange NOT NULL)",
                    "INSERT INTO slots VALUES (1, '{[1,3),[5,7)}'), (2, '{[10,20)}'), (3, '{}')");
        }
        if (hstoreAvailable(db)) {
            db.execute("CREATE EXTENSION IF NOT EXISTS hstore",
                    "CREATE TABLE props (id int PRIMARY KEY, attrs hstore NOT NULL)",
                    "INSERT INTO props VALUES (1, 'color=>red, size=>L'), (2, 'color=>blue'), (3, '')");
        }
    }

    private static int major(TestDatabase db) {
        return Integer.parseInt(db.queryValue("SHOW server_version_num").toString()) / 10000;
    }

    private static boolean hstoreAvailable(TestDatabase db) {
        return (Long) db.queryValue("SELECT count(*) FROM pg_available_extensions WHERE name = 'hstore'") > 0;
    }

    private static List<Integer> ids(AnyBackend b, Condition condition) {
        return ids(b, DOCS, condition);
    }

    private static List<Integer> ids(AnyBackend b, Table<?> table, Condition condition) {
        return b.fetch(b.dsl().select(ID).from(table).where(condition).orderBy(ID)).stream().map(Record1::value1).toList();
    }

    /** The ids the server's own SQL selects, on the plain JDBC side channel. */
    private static List<Integer> serverIds(TestDatabase db, String where) {
        return db.query("SELECT id FROM docs WHERE " + where + " ORDER BY id").stream().map(r -> (Integer) r.get(0)).toList();
    }

    private static <T> List<T> column(AnyBackend b, Field<T> f) {
        return b.fetch(b.dsl().select(f).from(DOCS).orderBy(ID)).stream().map(Record1::value1).toList();
    }

    @BothBackends
    void jsonbContainment(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        assertThat(ids(b, Pg.contains(DOC, "{\"kind\": \"db\"}"))).containsExactly(1, 3);
        assertThat(ids(b, Pg.contains(DOC_UNTYPED, "{\"kind\": \"db\"}"))).containsExactly(1, 3);
        assertThat(ids(b, Pg.contains(DOC, Map.of("meta", Map.of("color", "red"))))).containsExactly(1);
        assertThat(ids(b, Pg.contains(DOC_UNTYPED, Map.of("tags", List.of("graph"))))).containsExactly(3);
        assertThat(ids(b, Pg.contains(DOC, JSONB.valueOf("{\"stock\": 0}")))).containsExactly(2);
        assertThat(ids(b, Pg.contains(DOC, List.of()))).isEmpty();
        assertThat(ids(b, Pg.contains(DOC, val(JSONB.valueOf("{\"name\": \"it's \\\"quoted\\\"\"}"))))).containsExactly(4);
        Map<String, Object> superset = Map.of("name", "beta", "kind", "cache", "stock", 0,
                "meta", Map.of("color", "blue"), "extra", true);
        assertThat(ids(b, Pg.containedBy(DOC, superset))).containsExactly(2);
        assertThat(ids(b, Pg.containedBy(DOC_UNTYPED, "{\"name\": \"gamma\", \"kind\": \"db\", \"stock\": 12, \"tags\": [\"graph\", \"x\"]}")))
                .containsExactly(3);
        assertThat(b.dsl().render(Pg.contains(DOC, Map.of("kind", "db")))).isEqualTo("(\"doc\" @> cast(? as jsonb))");
    }

    @BothBackends
    void jsonAccessors(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        assertThat(column(b, Pg.jsonText(DOC, "name"))).containsExactly("alpha", "beta", "gamma", "it's \"quoted\"");
        assertThat(column(b, Pg.jsonText(DOC_UNTYPED, "stock"))).containsExactly("5", "0", "12", null);
        assertThat(column(b, Pg.jsonPathText(DOC, "meta", "size", "w"))).containsExactly("2", null, null, null);
        assertThat(column(b, Pg.jsonPathText(DOC, "tags", "0"))).containsExactly("sql", null, "graph", null);
        assertThat(ids(b, Pg.jsonText(DOC, "kind").eq("db"))).containsExactly(1, 3);
        assertThat(ids(b, Pg.jsonPathText(DOC, "meta", "color").in("blue", "green"))).containsExactly(2);
        Field<JSONB> array = val(JSONB.valueOf("[\"a\", \"b\", \"c\"]"));
        assertThat(b.fetch(b.dsl().select(Pg.jsonText(array, 0), Pg.jsonText(array, -1))).get(0).intoArray())
                .containsExactly("a", "c");
        // parenthesised, so it can stand inside other operators
        assertThat(b.fetch(b.dsl().select(val("kind: ").concat(Pg.jsonText(DOC, "kind"))).from(DOCS).where(ID.eq(2))).get(0).value1())
                .isEqualTo("kind: cache");
    }

    @BothBackends
    void jsonKeyExistenceAgreesWithTheQuestionMarkOperators(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        assertThat(ids(b, Pg.hasKey(DOC, "tags"))).containsExactly(1, 3).isEqualTo(serverIds(db, "doc ? 'tags'"));
        assertThat(ids(b, Pg.hasKey(DOC_UNTYPED, "nope"))).isEmpty();
        assertThat(ids(b, Pg.hasAnyKey(DOC, "meta", "tags"))).containsExactly(1, 2, 3)
                .isEqualTo(serverIds(db, "doc ?| array['meta', 'tags']"));
        assertThat(ids(b, Pg.hasAllKeys(DOC, "meta", "tags"))).containsExactly(1)
                .isEqualTo(serverIds(db, "doc ?& array['meta', 'tags']"));
        assertThat(ids(b, Pg.hasAllKeys(DOC, "name", "kind"))).containsExactly(1, 2, 3, 4);
        // ? also finds a string element of a top-level array
        Field<JSONB> array = val(JSONB.valueOf("[\"x\", \"y\"]"));
        assertThat(b.fetch(b.dsl().select(DSL.field(Pg.hasKey(array, "y")), DSL.field(Pg.hasKey(array, "z")))).get(0).intoArray())
                .containsExactly(true, false);
        b.statementLog().start();
        ids(b, Pg.hasAnyKey(DOC, "a"));
        assertThat(b.statementLog().stop()).singleElement().asString().contains("jsonb_exists_any(").doesNotContain("?|");
    }

    @BothBackends
    void jsonPathOperators(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        assertThat(ids(b, Pg.jsonPathExists(DOC, "$.stock ? (@ > 4)"))).containsExactly(1, 3)
                .isEqualTo(serverIds(db, "doc @? '$.stock ? (@ > 4)'"));
        assertThat(ids(b, Pg.jsonPathExists(DOC_UNTYPED, JsonPath.of("$.meta.size")))).containsExactly(1);
        // a strict path that misses is an error for jsonb_path_exists, but not for @? nor for us
        assertThat(ids(b, Pg.jsonPathExists(DOC, "strict $.meta.color"))).containsExactly(1, 2)
                .isEqualTo(serverIds(db, "doc @? 'strict $.meta.color'"));
        assertThat(ids(b, Pg.jsonPathMatch(DOC, "$.stock > 4"))).containsExactly(1, 3)
                .isEqualTo(serverIds(db, "doc @@ '$.stock > 4'"));
        assertThat(ids(b, Pg.jsonPathMatch(DOC, JsonPath.of("$.meta.color == \"blue\"")))).containsExactly(2);
        assertThat(ids(b, Pg.jsonPathMatch(DOC, "strict $.meta.color == \"red\""))).containsExactly(1)
                .isEqualTo(serverIds(db, "doc @@ 'strict $.meta.color == \"red\"'"));
        assertThatThrownBy(() -> Pg.jsonPathMatch(DOC, "$.a[")).isInstanceOf(IllegalArgumentException.class);
    }

    @BothBackends
    void arrayOperators(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        assertThat(ids(b, Pg.contains(TAGS, List.of("nosql")))).containsExactly(2, 3);
        assertThat(ids(b, Pg.contains(TAGS, new String[] {"graph", "nosql"}))).containsExactly(3);
        assertThat(ids(b, Pg.contains(TAGS, List.of()))).containsExactly(1, 2, 3, 4);
        assertThat(ids(b, Pg.containedBy(TAGS, List.of("postgres", "sql", "redis", "nosql")))).containsExactly(1, 2, 4);
        assertThat(ids(b, Pg.overlaps(TAGS, List.of("sql", "graph")))).containsExactly(1, 3);
        assertThat(ids(b, Pg.overlaps(TAGS, val(new String[] {"redis"}, SQLDataType.CLOB.array())))).containsExactly(2);
        // quotes, backslashes and commas survive the array literal
        String[] awkward = {"a\"b", "c\\d", "e,f", "{g}"};
        assertThat(ids(b, Pg.contains(val(awkward, SQLDataType.CLOB.array()), List.of(awkward)))).containsExactly(1, 2, 3, 4);
        assertThat(ids(b, Pg.contains(val(awkward, SQLDataType.CLOB.array()), List.of("a")))).isEmpty();
        assertThat(ids(b, Pg.contains(SCORES, List.of(2)))).containsExactly(1, 2);
        assertThat(ids(b, Pg.containedBy(SCORES, new Integer[] {1, 2, 3, 4}))).containsExactly(1, 2, 4);
        assertThat(ids(b, Pg.overlaps(SCORES, List.of(4, 5)))).containsExactly(2, 3);
        assertThat(ids(b, Pg.anyEquals("redis", TAGS))).containsExactly(2);
        assertThat(ids(b, Pg.anyEquals(3, SCORES))).containsExactly(1);
        assertThat(ids(b, val("neo4j").eq(Pg.any(TAGS)))).containsExactly(3);
        assertThat(ids(b, val(2).eq(Pg.<Integer>any(SCORES)))).containsExactly(1, 2);
        assertThat(ids(b, val("sql").ne(Pg.any(TAGS)))).containsExactly(1, 2, 3);
        assertThat(Pg.<Integer>any(SCORES).getDataType().getType()).isEqualTo(Integer.class);
    }

    /** A list of lists is the multi-dimensional array it stands for, as in where(...); strings stay untyped. */
    @BothBackends
    void nestedListOperandsAreMultiDimensionalArrays(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        Field<String[][]> grid = val(new String[][] {{"a", "b"}, {"c", "d\"e"}}, SQLDataType.CLOB.array().array());
        assertThat(b.fetch(b.dsl().select(DSL.field(Pg.contains(grid, List.of(List.of("d\"e")))))).get(0).value1()).isTrue();
        assertThat(b.fetch(b.dsl().select(DSL.field(Pg.contains(grid, List.of(List.of("x")))))).get(0).value1()).isFalse();
        assertThat(ids(b, Pg.contains(TAGS, new String[][] {{"graph"}, {"nosql"}}))).containsExactly(3);
        assertThat(ids(b, Pg.overlaps(SCORES, List.of(List.of(4, 40), java.util.Arrays.asList(5, null))))).containsExactly(2, 3);
        assertThat(ids(b, Pg.containedBy(SCORES, List.of(new Integer[] {1, 2}, new Integer[] {3, 4})))).containsExactly(1, 2, 4);
    }

    @BothBackends
    void rangeOperators(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        assertThat(ids(b, Pg.contains(SPAN, 5))).containsExactly(1);
        assertThat(ids(b, Pg.contains(SPAN, integerRange(11, 15)))).containsExactly(2);
        assertThat(ids(b, Pg.contains(SPAN, "[26,28]"))).containsExactly(3);
        assertThat(ids(b, Pg.containedBy(SPAN, integerRange(0, 21)))).containsExactly(1, 2, 4);
        assertThat(ids(b, Pg.overlaps(SPAN, integerRange(8, 12)))).containsExactly(1, 2);
        assertThat(ids(b, Pg.adjacent(SPAN, integerRange(20, 25)))).containsExactly(2, 3);
        assertThat(ids(b, Pg.strictlyLeftOf(SPAN, integerRange(20, null)))).containsExactly(1, 2);
        assertThat(ids(b, Pg.strictlyRightOf(SPAN, integerRange(null, 10)))).containsExactly(2, 3);
        assertThat(ids(b, Pg.strictlyRightOf(SPAN, SPAN))).isEmpty();
        assertThat(ids(b, Pg.contains(DAYS, LocalDate.of(2024, 2, 15)))).containsExactly(2);
        assertThat(ids(b, Pg.containedBy(DAYS, localDateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1))))).containsExactly(1, 2);
        assertThat(ids(b, Pg.containedBy(val(LocalDate.of(2024, 6, 30)), DAYS)))
                .containsExactly(3);

        assertThat(b.fetch(b.dsl().select(Pg.rangeUnion(SPAN, integerRange(5, 15))).from(DOCS).where(ID.eq(1))).get(0).value1())
                .isEqualTo(integerRange(1, 15));
        List<IntegerRange> intersections = column(b, Pg.rangeIntersection(SPAN, integerRange(5, 15)));
        assertThat(intersections.subList(0, 2)).containsExactly(integerRange(5, 10), integerRange(10, 15));
        assertThat(intersections.subList(2, 4)).allMatch(IntegerRange::isEmpty);
        Field<IntegerRange> other = val(integerRange(9, 12), SPAN.getDataType());
        assertThat(b.fetch(b.dsl().select(Pg.rangeIntersection(SPAN, other), Pg.rangeUnion(SPAN, other)).from(DOCS).where(ID.eq(2)))
                .get(0).intoArray()).containsExactly(integerRange(10, 12), integerRange(9, 20));
        assertThatThrownBy(() -> b.fetch(b.dsl().select(Pg.rangeUnion(SPAN, integerRange(50, 60))).from(DOCS).where(ID.eq(1))))
                .isInstanceOf(DataException.class).hasMessageContaining("contiguous");
    }

    @BothBackends
    void multirangeOperators(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        assumeThat(b.serverVersion().major()).as("multiranges need PostgreSQL 14").isGreaterThanOrEqualTo(14);
        assertThat(ids(b, SLOTS, Pg.contains(FREE, 6))).containsExactly(1);
        assertThat(ids(b, SLOTS, Pg.contains(FREE, MultiRange.of(integerRange(1, 2), integerRange(5, 6))))).containsExactly(1);
        assertThat(ids(b, SLOTS, Pg.contains(FREE, integerRange(12, 15)))).containsExactly(2);
        assertThat(ids(b, SLOTS, Pg.containedBy(FREE, integerRange(0, 8)))).containsExactly(1, 3);
        assertThat(ids(b, SLOTS, Pg.containedBy(FREE, MultiRange.empty()))).containsExactly(3);
        assertThat(ids(b, SLOTS, Pg.overlaps(FREE, MultiRange.of(integerRange(2, 4), integerRange(15, 16))))).containsExactly(1, 2);
        assertThat(ids(b, SLOTS, Pg.adjacent(FREE, integerRange(20, 30)))).containsExactly(2);
        assertThat(ids(b, SLOTS, Pg.strictlyLeftOf(FREE, integerRange(8, 9)))).containsExactly(1);
        assertThat(ids(b, SLOTS, Pg.strictlyRightOf(FREE, MultiRange.of(integerRange(0, 1))))).containsExactly(1, 2);

        List<MultiRange<IntegerRange>> unions = b.fetch(b.dsl().select(Pg.rangeUnion(FREE, MultiRange.of(integerRange(3, 5))))
                .from(SLOTS).orderBy(ID)).stream().map(Record1::value1).toList();
        assertThat(unions).containsExactly(MultiRange.of(integerRange(1, 7)),
                MultiRange.of(integerRange(3, 5), integerRange(10, 20)), MultiRange.of(integerRange(3, 5)));
        List<MultiRange<IntegerRange>> intersections = b.fetch(b.dsl().select(Pg.rangeIntersection(FREE, MultiRange.of(integerRange(2, 12))))
                .from(SLOTS).orderBy(ID)).stream().map(Record1::value1).toList();
        assertThat(intersections).containsExactly(MultiRange.of(integerRange(2, 3), integerRange(5, 7)),
                MultiRange.of(integerRange(10, 12)), MultiRange.empty());
    }

    /** A multirange operand needs PostgreSQL 14: below it, the helper fails before any SQL is sent. */
    @BothBackends
    void multirangeOperandsAreGatedAt14(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        Condition overlaps = Pg.overlaps(SPAN, MultiRange.of(integerRange(2, 4), integerRange(26, 27)));
        if (b.capabilities().supports(Capability.MULTIRANGE)) {
            assertThat(ids(b, overlaps)).containsExactly(1, 3);
            return;
        }
        b.statementLog().start();
        assertThatThrownBy(() -> ids(b, overlaps)).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("MULTIRANGE requires PostgreSQL 14+");
        assertThat(b.statementLog().stop()).as("no SQL sent").isEmpty();
    }

    @BothBackends
    void valueTypesBindWithTheirPgTypes(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        MacAddress m3 = MacAddress.parse("08:00:2b:01:02:03");
        MacAddress m4 = MacAddress.parse("08:00:2b:01:02:04");
        MacAddress m5 = MacAddress.parse("08:00:2b:01:02:05");
        assertThat(ids(b, DEVICES, Pg.anyEquals(m4, MACS))).containsExactly(2);
        assertThat(ids(b, DEVICES, Pg.contains(MACS, List.of(m3)))).containsExactly(1);
        assertThat(ids(b, DEVICES, Pg.overlaps(MACS, new MacAddress[] {m5, m3}))).containsExactly(1, 2);
        assertThat(ids(b, DEVICES, Pg.containedBy(MACS, List.of(m4, m5)))).containsExactly(2);
        assertThat(ids(b, DEVICES, Pg.contains(AREA, Point.of(1, 1)))).containsExactly(1);
        assertThat(ids(b, DEVICES, Pg.overlaps(AREA, Box.of(Point.of(5.5, 5.5), Point.of(9, 9))))).containsExactly(2);
        assertThat(ids(b, DEVICES, Pg.strictlyLeftOf(AREA, Box.of(Point.of(3, 0), Point.of(4, 1))))).containsExactly(1);
        assertThat(ids(b, DEVICES, Pg.strictlyRightOf(AREA, Box.of(Point.of(3, 0), Point.of(4, 1))))).containsExactly(2);
    }

    @BothBackends
    void hstoreOperators(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        assumeThat(hstoreAvailable(db)).as("the server has no hstore extension; hstore operators not checked").isTrue();
        assertThat(ids(b, PROPS, Pg.contains(ATTRS, Map.of("color", "red")))).containsExactly(1);
        assertThat(ids(b, PROPS, Pg.contains(ATTRS_UNTYPED, Hstore.valueOf(Map.of("color", "blue"))))).containsExactly(2);
        assertThat(ids(b, PROPS, Pg.contains(ATTRS_UNTYPED, "size=>L"))).containsExactly(1);
        assertThat(ids(b, PROPS, Pg.containedBy(ATTRS, Map.of("color", "blue", "size", "M")))).containsExactly(2, 3);
        assertThat(ids(b, PROPS, Pg.hasKey(ATTRS, "size"))).containsExactly(1);
        assertThat(ids(b, PROPS, Pg.hasAnyKey(ATTRS, "size", "color"))).containsExactly(1, 2);
        assertThat(ids(b, PROPS, Pg.hasAllKeys(ATTRS, "size", "color"))).containsExactly(1);
        assertThat(ids(b, PROPS, Pg.contains(ATTRS, Map.of("color", EVIL)))).isEmpty();
    }

    @BothBackends
    void fullTextSearch(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        Field<TsQuery> fox = Pg.plainToTsQuery("english", "foxes");
        assertThat(ids(b, Pg.match(TSV, fox))).containsExactly(1, 3);
        // a tsquery value is used as written: 'cach' is how english stems "cache"
        assertThat(ids(b, Pg.match(Pg.toTsVector("english", BODY), TsQuery.parse("cach | graph")))).containsExactly(2, 3);
        assertThat(ids(b, Pg.match(Pg.toTsVector("simple", BODY), Pg.plainToTsQuery("simple", "foxes")))).containsExactly(3);
        assertThat(ids(b, Pg.match(TSV, Pg.websearchToTsQuery("english", "fox -graph")))).containsExactly(1);
        assertThat(ids(b, Pg.match(TSV, Pg.websearchToTsQuery("english", "\"lazy dog\"")))).containsExactly(1);
        assertThat(ids(b, Pg.match(TSV, Pg.websearchToTsQuery("english", "cache or graph")))).containsExactly(2, 3);
        assertThat(ids(b, Pg.match(TSV, Pg.phraseToTsQuery("english", "dog lazy")))).isEmpty();
        assertThat(ids(b, Pg.match(TSV, Pg.toTsQuery("english", "fox & !dog")))).containsExactly(3);

        // ranked: three foxes before one
        Field<Float> rank = Pg.tsRank(TSV, fox);
        List<Record2<Integer, Float>> ranked = b.fetch(b.dsl().select(ID, rank).from(DOCS).where(Pg.match(TSV, fox)).orderBy(rank.desc()));
        assertThat(ranked.stream().map(r -> r.get(ID))).containsExactly(3, 1);
        Object serverRank = db.queryValue("SELECT ts_rank(tsv, plainto_tsquery('english', 'foxes')) FROM docs WHERE id = 3");
        assertThat(ranked.get(0).get(rank)).isInstanceOf(Float.class).isEqualTo(serverRank).isGreaterThan(ranked.get(1).get(rank));

        assertThat(b.fetch(b.dsl().select(Pg.tsHeadline("english", BODY, fox)).from(DOCS).where(ID.eq(1))).get(0).value1())
                .isEqualTo("The quick brown <b>fox</b> jumps over the lazy dog");
        assertThat(b.fetch(b.dsl().select(Pg.tsHeadline("english", BODY, fox, "StartSel=[, StopSel=]")).from(DOCS).where(ID.eq(3)))
                .get(0).value1()).isEqualTo("Graph databases store nodes and edges: a [fox], two [foxes], many [foxes]");

        // the functions' results read back as the value types
        Record values = b.fetch(b.dsl().select(Pg.toTsVector("english", "The foxes jumped"), fox,
                Pg.websearchToTsQuery("english", "fox -dog"), Pg.toTsVector(val("simple"), val("a b")))).get(0);
        assertThat(values.intoArray()).containsExactly(TsVector.parse("'fox':2 'jump':3"), TsQuery.parse("'fox'"),
                TsQuery.parse("'fox' & !'dog'"), TsVector.parse("'a':1 'b':2"));
    }

    @BothBackends
    void excludedInAnUpsert(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        String key = "upsert-" + exec;
        b.execute(b.dsl().deleteFrom(COUNTERS).where(K.eq(key)));
        for (Object[] row : new Object[][] {{1, "first"}, {5, "second"}}) {
            assertThat(b.execute(b.dsl().insertInto(COUNTERS, K, N, NOTE).values(key, (Integer) row[0], (String) row[1])
                    .onConflict(K).doUpdate().set(N, N.plus(Pg.excluded(N))).set(NOTE, Pg.excluded(NOTE)))).isEqualTo(1);
        }
        assertThat(db.query("SELECT n, note FROM counters WHERE k = '" + key + "'")).containsExactly(List.of(6, "second"));
        // the update's WHERE sees the proposed row too: this one is refused
        assertThat(b.execute(b.dsl().insertInto(COUNTERS, K, N, NOTE).values(key, 7, "third")
                .onConflict(K).doUpdate().set(N, Pg.excluded(N)).where(Pg.excluded(N).gt(100)))).isZero();
        assertThat(db.query("SELECT n, note FROM counters WHERE k = '" + key + "'")).containsExactly(List.of(6, "second"));
    }

    @BothBackends
    void injectionStringsAreValuesThatMatchNothing(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        String breakOut = "x\",\"postgres";
        List<Condition> conditions = List.of(
                Pg.contains(DOC, Map.of("name", EVIL)),
                Pg.contains(DOC_UNTYPED, "{\"name\": \"" + EVIL + "\"}"),
                Pg.jsonText(DOC, EVIL).isNotNull(),
                Pg.jsonText(DOC, "name").eq(EVIL),
                Pg.jsonPathText(DOC, EVIL, "' OR '1'='1").isNotNull(),
                Pg.hasKey(DOC, EVIL),
                Pg.hasAnyKey(DOC, EVIL, "' OR 1=1 --"),
                Pg.jsonPathExists(DOC, "$.name ? (@ == \"" + EVIL + "\")"),
                Pg.contains(TAGS, List.of(EVIL)),
                Pg.overlaps(TAGS, List.of(breakOut, "\\", "{}")),
                Pg.anyEquals(EVIL, TAGS),
                val(EVIL).eq(Pg.any(TAGS)),
                Pg.match(TSV, Pg.plainToTsQuery("english", EVIL)),
                Pg.match(TSV, Pg.websearchToTsQuery("english", EVIL)));
        b.statementLog().start();
        for (Condition c : conditions) {
            assertThat(ids(b, c)).as(c.toString()).isEmpty();
        }
        List<String> sent = b.statementLog().stop();
        assertThat(sent).hasSize(conditions.size()).as("bound, never spliced").noneMatch(sql -> sql.contains("DROP"));
        // not JSON, or not a configuration: the server refuses the value, and that is all
        assertThatThrownBy(() -> ids(b, Pg.contains(DOC_UNTYPED, EVIL))).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> ids(b, Pg.match(Pg.toTsVector(EVIL, BODY), Pg.plainToTsQuery("english", "fox"))))
                .isInstanceOf(DatabaseException.class);
        assertThatThrownBy(() -> ids(b, Pg.match(Pg.toTsVector("no_such_config", BODY), Pg.plainToTsQuery("english", "fox"))))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("does not exist");
        assertThat(db.queryValue("SELECT count(*) FROM docs")).isEqualTo(4L);
        assertThat(serverIds(db, "tags @> '{postgres}'")).containsExactly(1);
    }

    @BothBackends
    void theClassJavadocExampleRuns(Exec exec, TestDatabase db) {
        AnyBackend b = db.on(exec);
        assertThat(b.fetch(javadocExample(b.dsl())).stream().map(Record1::value1)).containsExactly(1);
    }

    /** The example in {@link Pg}'s Javadoc, word for word. */
    private static Select<Record1<Integer>> javadocExample(DSLContext dsl) {
        Field<Integer> id = DSL.field(DSL.name("id"), Integer.class);
        Field<JSONB> doc = DSL.field(DSL.name("doc"), SQLDataType.JSONB);
        Field<String[]> tags = DSL.field(DSL.name("tags"), SQLDataType.VARCHAR.array());
        Field<String> body = DSL.field(DSL.name("body"), String.class);
        Field<TsVector> text = Pg.toTsVector("english", body);
        Field<TsQuery> query = Pg.websearchToTsQuery("english", "quick fox");
        Select<Record1<Integer>> select = dsl.select(id).from(DSL.table(DSL.name("docs")))
                .where(Pg.contains(doc, Map.of("kind", "db")))   // doc @> '{"kind":"db"}'
                .and(Pg.hasKey(doc, "tags"))                      // doc ? 'tags'
                .and(DSL.val("sql").eq(Pg.any(tags)))             // 'sql' = any(tags)
                .and(Pg.match(text, query))                       // to_tsvector(...) @@ websearch_to_tsquery(...)
                .orderBy(Pg.tsRank(text, query).desc());
        return select;
    }
}
