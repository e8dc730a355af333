package io.pgrecord.internal.model;

import io.pgrecord.error.LazyLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a relation's {@code get()} does before it queries, on both backends: in strict mode it
 * raises; otherwise it counts the load toward the N+1 warning of its record's query.
 */
public final class LazyLoads {

    private static final Logger LOG = LoggerFactory.getLogger("io.pgrecord.loading");

    private LazyLoads() {
    }

    /**
     * Checks a lazy load of {@code relation}, a relation object of {@code owner}.
     *
     * @param backend the loading policy of the backend {@code owner} belongs to
     * @throws LazyLoadException in strict mode
     */
    public static void check(Object owner, Object relation, LoadingPolicy backend) {
        ModelMeta<?> meta = ModelMeta.of(owner.getClass());
        LoadOrigin origin = ModelAccess.get().loadOrigin(owner);
        boolean strict = backend.strict() || meta.strictLoading() || origin != null && origin.strict();
        if (!strict && origin == null) {
            return;
        }
        String name = meta.relationName(owner, relation);
        String model = meta.type().getSimpleName();
        String include = "include(\"" + (origin != null ? origin.includeFor(name) : name) + "\")";
        if (strict) {
            throw new LazyLoadException(model + "." + name + " was not loaded, and strict loading forbids loading it lazily;"
                    + " load it with " + include + " on the query that loads the " + model);
        }
        if (origin.countLazyLoad(name, owner) && LOG.isWarnEnabled()) {
            LOG.warn("N+1 queries: {}.{} was loaded lazily for {} records of one query; load it with {} on that query",
                    model, name, origin.threshold(), include);
        }
    }
}
