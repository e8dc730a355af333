package io.pgrecord.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgrecord.error.PgRecordException;
import io.pgrecord.models.Emblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/** The unpaired-surrogate check inside the values Jackson writes as JSON, and in maps and JSON text. */
class BindValuesTest {

    private static final String LONE = "a\uD800b";
    private static final String PAIR = "a\uD83D\uDE00b";

    /** A record and a bean, which Jackson writes by their components and getters. */
    record Label(String text, List<String> tags) {
    }

    public static final class Bean {
        public String getName() {
            return LONE;
        }
    }

    private static DataType<?> json(Class<?> type) {
        return JsonTypes.of(type, type, true);
    }

    private static void refused(DataType<?> type, Object value, String where) {
        assertThatThrownBy(() -> BindValues.check("doc", type, value, Json.MAPPER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("value for doc is not valid UTF-16: unpaired surrogate " + where)
                .hasMessageEndingWith("it cannot be stored as UTF-8 text");
    }

    @Test
    void jacksonWritesALoneSurrogateThroughUnescaped() {
        // which is why the JSON text is checked: the driver would send it as '?'
        assertThat(Json.serialise(Map.of("k", LONE))).isEqualTo("{\"k\":\"" + LONE + "\"}");
        assertThatThrownBy(() -> Json.write(Map.of("k", LONE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not valid UTF-16: unpaired surrogate in a key or string");
        assertThat(Json.write(Map.of("k", PAIR))).isEqualTo("{\"k\":\"" + PAIR + "\"}");
    }

    @Test
    void everyKeyAndStringOfAJsonValueIsChecked() {
        DataType<?> map = json(Map.class);
        refused(map, Map.of("k", LONE), "in a JSON string (at index 1)");
        refused(map, Map.of(LONE, 1), "in a JSON key (at index 1)");
        refused(map, Map.of("k", List.of(1, true, Map.of("deep", new Object[] {"\uDC00"}))), "in a JSON string (at index 0)");
        refused(json(List.class), List.of("x", LONE), "in a JSON string");
        refused(json(Label.class), new Label("ok", List.of(LONE)), "in the JSON of its " + Label.class.getName());
        refused(map, Map.of("k", new Label(LONE, List.of())), "in the JSON of its " + Label.class.getName());
        refused(json(Bean.class), new Bean(), "in the JSON of its " + Bean.class.getName());
        Map<Object, Object> otherKeys = new LinkedHashMap<>();
        otherKeys.put(7, "ok");
        otherKeys.put(8, LONE);
        refused(map, otherKeys, "in the JSON of its java.util.LinkedHashMap");
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putArray("list").add(LONE);
        refused(json(JsonNode.class), tree, "in a JSON string");
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.put(LONE, 1);
        refused(json(ObjectNode.class), key, "in a JSON key");
        ObjectNode pojo = JsonNodeFactory.instance.objectNode();
        pojo.putPOJO("p", new Label(LONE, List.of()));
        refused(json(JsonNode.class), pojo, "in the JSON of its " + Label.class.getName());
    }

    @Test
    void arraysAndListsOfJsonAreCheckedToo() {
        DataType<?> listOfMaps = TypeMapper.forField(field("parts"));
        assertThat(BindValues.checksByType(listOfMaps)).isTrue();
        refused(listOfMaps, List.of(Map.of("k", "ok"), Map.of("k", LONE)), "in a JSON string");
        DataType<?> jsonbArray = ScalarTypes.textElement(JSONB.class).getArrayDataType();
        refused(jsonbArray, new JSONB[] {JSONB.valueOf("{\"k\": \"" + LONE + "\"}")}, "in its JSON text");
    }

    @Test
    void validValuesPass() {
        DataType<?> map = json(Map.class);
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put(PAIR, List.of(PAIR, 1, 2.5, false));
        ok.put("null", null);
        ok.put("label", new Label(PAIR, List.of(PAIR)));
        assertThat(BindValues.check("doc", map, ok, Json.MAPPER)).isSameAs(ok);
        assertThatCode(() -> BindValues.check("doc", json(Label.class), new Label("x", List.of()), Json.MAPPER)).doesNotThrowAnyException();
        assertThat(BindValues.checksByType(ScalarTypes.simple(String.class))).isFalse();
    }

    /**
     * A value Jackson's serializers write is written with the mapper of the backend it goes to,
     * as its bind writes it: a Emblem only its module can write. Without a mapper (a where bind,
     * made before its query has a backend) it is left to the bind, which checks what it writes.
     */
    @Test
    void whatJacksonsSerializersWriteIsWrittenWithTheBackendsMapper() {
        ObjectMapper emblems = new ObjectMapper().registerModule(Emblem.module());
        DataType<?> type = json(Emblem.class);
        assertThat(BindValues.check("doc", type, new Emblem(PAIR), emblems)).isEqualTo(new Emblem(PAIR));
        assertThatThrownBy(() -> BindValues.check("doc", type, new Emblem(LONE), emblems)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("value for doc is not valid UTF-16: unpaired surrogate in the JSON of its " + Emblem.class.getName());
        assertThatThrownBy(() -> BindValues.check("doc", json(Map.class), Map.of("k", List.of(new Emblem(LONE))), emblems))
                .hasMessageContaining("unpaired surrogate in the JSON of its " + Emblem.class.getName());
        assertThatThrownBy(() -> BindValues.check("doc", type, new Emblem("x"), Json.MAPPER)).isInstanceOf(PgRecordException.class)
                .hasMessageContaining("cannot write " + Emblem.class.getName() + " as JSON");

        assertThat(BindValues.check("a bind value", type, new Emblem(LONE))).isEqualTo(new Emblem(LONE));
        assertThatThrownBy(() -> Json.write(emblems, new Emblem(LONE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not valid UTF-16: unpaired surrogate in a key or string");
    }

    @Test
    void hstoreMapsAndJsonTextAreCheckedWithoutAColumnType() {
        assertThatThrownBy(() -> BindValues.check("kv", Map.class, Map.of("k", LONE)))
                .hasMessage("value for kv is not valid UTF-16: unpaired surrogate at index 1; it cannot be stored as UTF-8 text");
        assertThatThrownBy(() -> BindValues.check("kv", Map.class, Map.of(LONE, "v"))).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> BindValues.check("doc", JSONB.class, JSONB.valueOf("\"" + LONE + "\"")))
                .hasMessageContaining("unpaired surrogate in its JSON text (at index 2)");
        assertThatThrownBy(() -> BindValues.check("tree", Object.class, JsonNodeFactory.instance.textNode(LONE)))
                .hasMessageContaining("unpaired surrogate in a JSON string");
    }

    /** A model-like field declaring {@code @Column(type = "jsonb[]") List<Map<String, Object>>}. */
    static final class Holder {
        @io.pgrecord.Column(type = "jsonb[]")
        List<Map<String, Object>> parts;
    }

    private static java.lang.reflect.Field field(String name) {
        try {
            return Holder.class.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
