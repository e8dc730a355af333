package io.pgrecord.internal.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pgrecord.error.PgRecordException;

/** The one Jackson mapper pgrecord uses for json and jsonb columns. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /**
     * The JSON text of a value. Jackson passes an unpaired UTF-16 surrogate through unescaped,
     * and the drivers would send it as {@code ?}: such text is refused here, whatever path the
     * value took. Model and {@code where} binds are checked earlier, naming the column, by
     * {@link BindValues#check(String, org.jooq.DataType, Object)}.
     *
     * @throws IllegalArgumentException when a key or string holds an unpaired surrogate
     */
    public static String write(Object value) {
        return write(MAPPER, value);
    }

    /** As {@link #write(Object)}, with the given mapper: a backend's own, from its configuration. */
    public static String write(ObjectMapper mapper, Object value) {
        String json = serialise(mapper, value);
        int at = BindValues.unpairedSurrogate(json);
        if (at >= 0) {
            throw new IllegalArgumentException("JSON of " + value.getClass().getName() + " is not valid UTF-16: unpaired surrogate"
                    + " in a key or string (at index " + at + " of its JSON text); it cannot be stored as UTF-8 text");
        }
        return json;
    }

    /** The JSON text of a value as Jackson writes it, unchecked. */
    static String serialise(Object value) {
        return serialise(MAPPER, value);
    }

    /** As {@link #serialise(Object)}, with the given mapper. */
    static String serialise(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new PgRecordException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Object read(String json, JavaType type) {
        return read(MAPPER, json, type);
    }

    /** As {@link #read(String, JavaType)}, with the given mapper. */
    public static Object read(ObjectMapper mapper, String json, JavaType type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new PgRecordException("cannot read JSON as " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text into a tree; the text {@code null} is a {@code NullNode}. */
    public static JsonNode parse(String json) {
        return parse(MAPPER, json);
    }

    /** As {@link #parse(String)}, with the given mapper. */
    public static JsonNode parse(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PgRecordException("cannot read JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A value-comparable tree: key order and formatting do not matter. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
