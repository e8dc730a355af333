package io.pgrecord.internal.types;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.BiFunction;
import org.jooq.Converter;

/**
 * JSON text to a Jackson-mapped value and back, with a mapper that {@link TextBinding} swaps for
 * its backend's ({@link JsonMappers}); on its own it uses the default mapper. SQL NULL is Java null.
 */
final class JsonConverter<U> implements Converter<String, U> {

    private final Class<U> type;
    private final BiFunction<ObjectMapper, String, U> reader;
    private final ObjectMapper mapper;

    JsonConverter(Class<U> type, BiFunction<ObjectMapper, String, U> reader) {
        this(type, reader, Json.MAPPER);
    }

    private JsonConverter(Class<U> type, BiFunction<ObjectMapper, String, U> reader, ObjectMapper mapper) {
        this.type = type;
        this.reader = reader;
        this.mapper = mapper;
    }

    /** This conversion with another mapper. */
    JsonConverter<U> using(ObjectMapper other) {
        return other == mapper ? this : new JsonConverter<>(type, reader, other);
    }

    @Override
    public U from(String json) {
        return json == null ? null : reader.apply(mapper, json);
    }

    @Override
    public String to(U value) {
        return value == null ? null : Json.write(mapper, value);
    }

    @Override
    public Class<String> fromType() {
        return String.class;
    }

    @Override
    public Class<U> toType() {
        return type;
    }
}
