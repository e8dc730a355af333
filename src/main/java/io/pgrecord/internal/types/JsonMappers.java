package io.pgrecord.internal.types;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.Configuration;

/**
 * The Jackson mapper of a backend, kept in its jOOQ configuration like the server version
 * ({@link ServerGates}): the json bindings are static and shared by every backend, so they read
 * the mapper from the context of each bind and read. A context of the user's own has none and
 * gets the default.
 */
public final class JsonMappers {

    private static final String MAPPER = "io.pgrecord.jsonMapper";

    private JsonMappers() {
    }

    public static void remember(Configuration configuration, ObjectMapper mapper) {
        configuration.data(MAPPER, mapper);
    }

    /** The configuration's mapper, or the default one. */
    public static ObjectMapper of(Configuration configuration) {
        return configuration != null && configuration.data(MAPPER) instanceof ObjectMapper m ? m : Json.MAPPER;
    }
}
