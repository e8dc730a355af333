package io.pgrecord.internal.types;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.pgrecord.error.MappingException;
import java.lang.reflect.Type;
import org.jooq.DataType;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.impl.SQLDataType;

/**
 * {@code json} and {@code jsonb} columns holding Jackson-mapped values. SQL NULL is a Java
 * {@code null}. The JSON value {@code null} is kept apart from it where the Java type can say
 * so: a {@link JsonNode} field reads it as {@code NullNode}, a {@code JSONB}/{@code JSON} field as
 * {@code JSONB.valueOf("null")}; a Map, List, record or POJO has no such value and reads JSON
 * null as Java {@code null}.
 */
final class JsonTypes {

    /** A Jackson-mapped value bound as jsonb where no column tells its type: a {@code Map} or a tree in raw SQL. */
    @SuppressWarnings("unchecked")
    static final DataType<Object> BIND = (DataType<Object>) of(Object.class, Object.class, true);

    private JsonTypes() {
    }

    /**
     * Whether Jackson writes this type's values: a json or jsonb type of {@link #of}, or an array
     * or list of one. The bind check looks inside such values.
     */
    static boolean isJackson(DataType<?> type) {
        String cast = TextBinding.castTypeOf(type);
        return "jsonb".equals(cast) || "json".equals(cast);
    }

    /** The type of a field marked {@code @Column(type = "json" | "jsonb")}. */
    static DataType<?> of(Class<?> raw, Type generic, boolean binary) {
        if (raw == String.class) {
            return TypeMapper.TEXT;
        }
        if (raw == JSONB.class || raw == JSON.class) {
            return binary ? SQLDataType.JSONB : SQLDataType.JSON;
        }
        String cast = binary ? "jsonb" : "json";
        if (JsonNode.class.isAssignableFrom(raw)) {
            return node(cast, raw);
        }
        JavaType javaType = Json.MAPPER.constructType(generic);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> target = (Class) raw;
        return TextBinding.type(cast, new JsonConverter<>(target, (mapper, s) -> Json.read(mapper, s, javaType)));
    }

    /** A tree, read with {@code readTree} so that JSON null is a {@code NullNode}, never Java null. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DataType<?> node(String cast, Class<?> raw) {
        Class<Object> target = (Class) raw;
        return TextBinding.type(cast, new JsonConverter<>(target, (mapper, s) -> {
            JsonNode node = Json.parse(mapper, s);
            if (!raw.isInstance(node)) {
                throw new MappingException("JSON value " + s + " is a " + node.getNodeType() + ", not a " + raw.getSimpleName());
            }
            return node;
        }));
    }
}
