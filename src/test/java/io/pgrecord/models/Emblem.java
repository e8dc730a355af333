package io.pgrecord.models;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Objects;

/**
 * A value of {@link Preference} that only an application's Jackson module can write: no getters,
 * no public fields, so Jackson's defaults find no serializer. {@link #module()} writes it as
 * {@code {"emblem": label}}.
 */
public final class Emblem {

    private final String label;

    public Emblem(String label) {
        this.label = label;
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("emblem");
        module.addSerializer(Emblem.class, new StdSerializer<>(Emblem.class) {
            @Override
            public void serialize(Emblem emblem, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartObject();
                gen.writeStringField("emblem", emblem.label);
                gen.writeEndObject();
            }
        });
        module.addDeserializer(Emblem.class, new StdDeserializer<>(Emblem.class) {
            @Override
            public Emblem deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonNode node = p.getCodec().readTree(p);
                return new Emblem(node.get("emblem").asText());
            }
        });
        return module;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Emblem other && label.equals(other.label);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(label);
    }

    @Override
    public String toString() {
        return "Emblem(" + label + ")";
    }
}
