package io.pgrecord.model;

import static io.pgrecord.model.TypeSamples.tree;
import static io.pgrecord.testing.ModelOps.get;
import static io.pgrecord.testing.ModelOps.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgrecord.Model;
import io.pgrecord.QueryBuilder;
import io.pgrecord.models.Histogram;
import io.pgrecord.models.Mood;
import io.pgrecord.models.SpecimenSchema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * JSON null against SQL NULL, and dirty tracking of mutable values (JSON trees, hstore maps,
 * nested lists, arrays of primitives) changed in place, on both backends.
 */
@ExtendWith(PgExtension.class)
class JsonFieldsTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        SpecimenSchema.create(db, false);
        db.execute(Histogram.createTable());
    }

    @BothBackends
    @SuppressWarnings("cast") // the (Object) cast makes assertThat take the generic field read as an Object
    void jsonNullIsKeptApartFromSqlNull(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model m = ops.insert("Specimen", "tree", NullNode.instance, "docb", JSONB.valueOf("null"), "trees",
                new JsonNode[] {NullNode.instance, null});
        Object id = get(m, "id");
        assertThat(db.query("SELECT tree IS NULL, jsonb_typeof(tree), docb IS NULL, jsonb_typeof(docb), jsonb_typeof(trees[1]),"
                + " trees[2] IS NULL, attrs IS NULL FROM specimens WHERE id = " + id).get(0))
                .containsExactly(false, "null", false, "null", "null", true, true);
        Model back = ops.getById("Specimen", id);
        assertThat((Object) get(back, "tree")).isEqualTo(NullNode.instance);
        assertThat((Object) get(back, "docb")).isEqualTo(JSONB.valueOf("null"));
        assertThat((JsonNode[]) get(back, "trees")).containsExactly(NullNode.instance, null);
        assertThat((Object) get(back, "attrs")).isNull();

        set(back, "tree", null);
        assertThat(ops.save(back)).isEqualTo(1);
        assertThat(db.queryValue("SELECT tree IS NULL FROM specimens WHERE id = " + id)).isEqualTo(true);
        // a Map has no JSON null of its own: the JSON value null reads as Java null
        db.execute("UPDATE specimens SET attrs = 'null' WHERE id = " + id);
        assertThat((Object) get(ops.getById("Specimen", id), "attrs")).isNull();
    }

    @BothBackends
    void treesComparedByValueAndEditedInPlace(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model m = ops.insert("Specimen", "tree", tree("{\"a\": 1, \"b\": [true]}"));
        Model back = ops.getById("Specimen", get(m, "id"));
        set(back, "tree", tree("{\"b\": [true], \"a\": 1}"));
        assertThat(back.isDirty()).as("key order is not a change").isFalse();
        ((ObjectNode) get(back, "tree")).put("c", "new");
        assertThat(back.dirtyFields()).containsExactly("tree");
        assertThat(ops.save(back)).isEqualTo(1);
        assertThat(db.queryValue("SELECT tree->>'c' FROM specimens WHERE id = " + get(m, "id"))).isEqualTo("new");
    }

    @BothBackends
    @SuppressWarnings("unchecked") // fields read by name through ModelOps come back untyped
    void jsonArraysEditedInPlaceAreDirty(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model m = ops.insert("Specimen", "attrList", TypeSamples.list(new java.util.HashMap<>(Map.of("a", 1)), null));
        Model back = ops.getById("Specimen", get(m, "id"));
        assertThat(back.isDirty()).isFalse();
        ((List<Map<String, Object>>) get(back, "attrList")).get(0).put("b", 2);
        assertThat(back.dirtyFields()).containsExactly("attrList");
        assertThat(ops.save(back)).isEqualTo(1);
        assertThat(db.queryValue("SELECT attr_list[1]->>'b' FROM specimens WHERE id = " + get(m, "id"))).isEqualTo("2");
    }

    @BothBackends
    @SuppressWarnings("unchecked") // fields read by name through ModelOps come back untyped
    void mapsAndNestedListsEditedInPlaceAreDirty(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model m = ops.insert("Specimen", "kv", new java.util.HashMap<>(Map.of("a", "1")),
                "words", TypeSamples.list(TypeSamples.list("x", "y"), TypeSamples.list("z", null)));
        Model back = ops.getById("Specimen", get(m, "id"));
        ((Map<String, String>) get(back, "kv")).put("b", "2");
        ((List<List<String>>) get(back, "words")).get(1).set(1, "w");
        assertThat(back.dirtyFields()).containsExactlyInAnyOrder("kv", "words");
        assertThat(ops.save(back)).isEqualTo(1);
        assertThat(db.query("SELECT kv -> 'b', words[2][2] FROM specimens WHERE id = " + get(m, "id")).get(0))
                .containsExactly("2", "w");
    }

    /** The Pg key and containment helpers on a Map field of an hstore column, taken from the model's table(), use hstore's operators. */
    @BothBackends
    void pgHelpersOnTheTypedFieldOfAnHstoreMapUseHstoreOperators(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model m = ops.insert("Specimen", "kv", Map.of("color", "red", "size", "L"));
        Long id = get(m, "id");
        org.jooq.Field<?> kv = ops.table("Specimen").field("kv");
        assertThat(ops.count(ops.query("Specimen").where("id = ?", id).where(io.pgrecord.Pg.hasKey(kv, "size")))).isOne();
        assertThat(ops.count(ops.query("Specimen").where("id = ?", id).where(io.pgrecord.Pg.hasAnyKey(kv, "x", "color")))).isOne();
        assertThat(ops.count(ops.query("Specimen").where("id = ?", id).where(io.pgrecord.Pg.hasAllKeys(kv, "x", "color")))).isZero();
        assertThat(ops.count(ops.query("Specimen").where("id = ?", id).where(io.pgrecord.Pg.contains(kv, Map.of("color", "red"))))).isOne();
        assertThat(ops.count(ops.query("Specimen").where("id = ?", id)
                .where(io.pgrecord.Pg.containedBy(kv, Map.of("color", "red", "size", "L", "x", "y"))))).isOne();
    }

    /** A list of lists bound in where(...) is a multi-dimensional array, as a String[][] is. */
    @BothBackends
    void nestedListsBindAsMultiDimensionalArrays(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model m = ops.insert("Specimen", "words", TypeSamples.list(TypeSamples.list("x", "y"), TypeSamples.list("z", null)));
        Long id = get(m, "id");
        assertThat(ops.count(ops.query("Specimen").where("id = ? AND words = ?", id,
                (Object) new String[][] {{"x", "y"}, {"z", null}}))).isOne();
        assertThat(ops.count(ops.query("Specimen").where("id = ? AND words = ?", id,
                List.of(List.of("x", "y"), java.util.Arrays.asList("z", null))))).isOne();
        assertThat(ops.count(ops.query("Specimen").where("id = ? AND words = ?", id,
                List.of(new String[] {"x", "y"}, new String[] {"z", "w"})))).isZero();
    }

    /**
     * A list of arrays (or of lists) bound to IN (?) is one array bind per element, past 1,000
     * elements too (no array bind holds arrays), where elsewhere a list of lists is one
     * multi-dimensional array.
     */
    @BothBackends
    void listsOfArraysInInAreOneBindPerElement(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Long id = get(ops.insert("Specimen", "moodArr", new Mood[] {Mood.BRACES}, "ints", new Integer[] {1, null},
                "texts", List.of("a", "b")), "id");
        QueryBuilder<Object, ?> mine = ops.query("Specimen").where("id = ?", id);
        QueryBuilder<Object, ?> moods = mine.where("mood_arr IN (?)", List.of(new Mood[] {Mood.SAD}, new Mood[] {Mood.BRACES}));
        assertThat(moods.toSql()).contains("mood_arr IN (cast(? as \"mood\"[]), cast(? as \"mood\"[]))");
        assertThat(ops.count(moods)).isOne();
        assertThat(ops.count(mine.where("mood_arr IN (?)", List.of(new Mood[] {Mood.SAD}, new Mood[] {Mood.BRACES, Mood.SAD})))).isZero();
        assertThat(ops.count(mine.where("ints IN (?)", List.of(new Integer[] {1}, new Integer[] {1, null})))).isOne();
        assertThat(ops.count(mine.where("texts IN (?)", List.of(List.of("a"), List.of("a", "b"))))).isOne();
        assertThat(ops.count(mine.where("texts NOT IN (?)", List.of(List.of("a"), List.of("a", "b"))))).isZero();

        List<Integer[]> many = new ArrayList<>(Collections.nCopies(1000, new Integer[] {2, 3}));
        many.add(new Integer[] {1, null});
        QueryBuilder<Object, ?> longIn = mine.where("ints IN (?)", many);
        assertThat(longIn.toSql()).doesNotContainIgnoringCase("any");
        assertThat(ops.count(longIn)).isOne();
        assertThat(ops.count(mine.where("ints NOT IN (?)", many))).isZero();
        assertThat(ops.count(mine.where("ints IN (?)", many.subList(0, 1000)))).isZero();
    }

    /**
     * A list or array of maps or JSON trees in raw SQL binds as jsonb[], as a map binds as jsonb:
     * in = any(?), and in an IN list past 1,000 elements, which is one such array.
     */
    @BothBackends
    void listsOfJsonValuesBindAsJsonbArrays(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Long id = get(ops.insert("Specimen", "attrs", Map.of("k", "v"), "tree", tree("{\"a\": [1]}")), "id");
        QueryBuilder<Object, ?> mine = ops.query("Specimen").where("id = ?", id);
        Map<String, Object> other = new java.util.HashMap<>(Map.of("k", "w"));
        assertThat(ops.count(mine.where("attrs = ANY(?)", List.of(other, Map.of("k", "v"))))).isOne();
        assertThat(ops.count(mine.where("attrs = ANY(?)", (Object) new Map<?, ?>[] {Map.of("k", "v")}))).isOne();
        assertThat(ops.count(mine.where("attrs = ANY(?)", (Object) new Map<?, ?>[] {other}))).isZero();
        assertThat(ops.count(mine.where("tree = ANY(?)", List.of(tree("{\"a\": [1]}"))))).isOne();
        assertThat(ops.count(mine.where("tree = ANY(?)", (Object) new Object[] {tree("[]"), Map.of("a", List.of(1))}))).isOne();

        List<Map<String, Object>> many = new ArrayList<>(Collections.nCopies(1000, other));
        many.add(Map.of("k", "v"));
        QueryBuilder<Object, ?> longIn = mine.where("attrs IN (?)", many);
        assertThat(longIn.toSql()).containsIgnoringCase("= any");
        assertThat(ops.count(longIn)).isOne();
        assertThat(ops.count(mine.where("attrs NOT IN (?)", many))).isZero();
        assertThat(ops.count(mine.where("attrs IN (?)", many.subList(0, 1000)))).isZero();
    }

    /** Array columns selected by an untyped field(...) fill their fields, as typed ones do. */
    @BothBackends
    @SuppressWarnings("unchecked") // fields read by name through ModelOps come back untyped
    void arraysSelectedByAnUntypedFieldFillTheirFields(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model m = ops.insert("Specimen", "ints", new Integer[] {1, null, 3}, "texts", List.of("a", "b"), "primInts", new int[] {4, 5});
        Long id = get(m, "id");
        Model back = ops.one(ops.<Model>query("Specimen").where("id = ?", id).select(org.jooq.impl.DSL.field("id"),
                org.jooq.impl.DSL.field("ints"), org.jooq.impl.DSL.field("texts"), org.jooq.impl.DSL.field("prim_ints")));
        assertThat((Integer[]) get(back, "ints")).containsExactly(1, null, 3);
        assertThat((List<String>) get(back, "texts")).containsExactly("a", "b");
        assertThat((int[]) get(back, "primInts")).containsExactly(4, 5);
    }

    /** Plucked as text, an enum is its label and a JSON value its JSON text, as the server has them. */
    @BothBackends
    void pluckedAsTextEnumsAreLabelsAndJsonIsJson(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model m = ops.insert("Specimen", "mood", io.pgrecord.models.Mood.WITH_SPACE, "attrs", Map.of("k", "v"));
        Long id = get(m, "id");
        var q = ops.query("Specimen").where("id = ?", id);
        assertThat(ops.pluck(q, "mood", String.class)).containsExactly("with space");
        assertThat(ops.pluck(q, "attrs", String.class)).containsExactly("{\"k\": \"v\"}");
        assertThat(ops.pluck(q, "mood", io.pgrecord.models.Mood.class)).containsExactly(io.pgrecord.models.Mood.WITH_SPACE);
    }

    /**
     * Values the server stores the same are no change: a JSON number of another Java type (an
     * int that became a long, 1.50 for 1.5) and an instant at another offset.
     */
    @BothBackends
    @SuppressWarnings("unchecked") // fields read by name through ModelOps come back untyped
    void equalStoredValuesAreNoChange(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        OffsetDateTime at = OffsetDateTime.parse("2024-05-01T10:00:00Z");
        Model m = ops.insert("Specimen", "attrs", new java.util.HashMap<>(Map.of("n", 1, "d", 1.5)), "stampTz", at);
        Model back = ops.getById("Specimen", get(m, "id"));
        ((Map<String, Object>) get(back, "attrs")).put("n", 1L);
        ((Map<String, Object>) get(back, "attrs")).put("d", new java.math.BigDecimal("1.50"));
        ModelOps.set(back, "stampTz", at.withOffsetSameInstant(java.time.ZoneOffset.ofHours(2)));
        assertThat(back.dirtyFields()).isEmpty();
        ((Map<String, Object>) get(back, "attrs")).put("n", 2);
        ModelOps.set(back, "stampTz", at.plusSeconds(1));
        assertThat(back.dirtyFields()).containsExactlyInAnyOrder("attrs", "stampTz");
    }

    /**
     * {@code int[]} and {@code long[]} fields, read on the direct path ({@code Histogram}), and
     * {@code int[][]} and {@code double[]} read through jOOQ's bindings ({@code Specimen}): an
     * element changed in place is a change, saved alone, after an insert and after a read.
     */
    @BothBackends
    void primitiveArraysEditedInPlaceAreDirty(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model h = ops.insert("Histogram", "counts", new int[] {1, 2}, "totals", new long[] {5L});
        Object id = get(h, "id");
        assertThat(h.isDirty()).isFalse();
        ((int[]) get(h, "counts"))[0] = 7;
        assertThat(h.dirtyFields()).as("after the insert").containsExactly("counts");
        assertThat(ops.save(h)).isEqualTo(1);
        Model back = ops.getById("Histogram", id);
        assertThat((int[]) get(back, "counts")).containsExactly(7, 2);
        assertThat(back.isDirty()).isFalse();
        ((int[]) get(back, "counts"))[1] = 9;
        ((long[]) get(back, "totals"))[0] = 6L;
        assertThat(back.dirtyFields()).as("after a read").containsExactlyInAnyOrder("counts", "totals");
        ops.log().start();
        assertThat(ops.save(back)).isEqualTo(1);
        assertThat(ops.log().stop()).singleElement().asString().startsWith("update");
        assertThat(back.isDirty()).isFalse();
        assertThat(db.queryValue("SELECT counts::text || totals::text FROM histograms WHERE id = " + id)).isEqualTo("{7,9}{6}");
        // bound in where(), and written by insertAll
        assertThat(ops.count(ops.query("Histogram").where("id = ? AND counts = ? AND totals @> ?", id, new int[] {7, 9},
                new long[] {6L}))).isOne();
        assertThat(ops.count(ops.query("Histogram").where("id = ? AND counts = ?", id, new int[] {9, 7}))).isZero();
        Model more = ops.create("Histogram", "counts", new int[] {3}, "totals", new long[0]);
        assertThat(ops.insertAll("Histogram", List.of(more))).isEqualTo(1);
        assertThat(db.queryValue("SELECT counts::text || totals::text FROM histograms WHERE id = " + get(more, "id"))).isEqualTo("{3}{}");

        Model s = ops.insert("Specimen", "primGrid", new int[][] {{1, 2}, {3, 4}}, "primDoubles", new double[] {0.5});
        Model sb = ops.getById("Specimen", get(s, "id"));
        assertThat(sb.isDirty()).isFalse();
        ((int[][]) get(sb, "primGrid"))[1][0] = 30;
        ((double[]) get(sb, "primDoubles"))[0] = 1.5;
        assertThat(sb.dirtyFields()).containsExactlyInAnyOrder("primGrid", "primDoubles");
        assertThat(ops.save(sb)).isEqualTo(1);
        assertThat(db.queryValue("SELECT prim_grid::text || prim_doubles::text FROM specimens WHERE id = " + get(s, "id")))
                .isEqualTo("{{1,2},{30,4}}{1.5}");
    }
}
