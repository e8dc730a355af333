package io.pgrecord;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which backend a model class uses when none is given explicitly. */
final class ModelBackends {

    private static volatile PostgresBackend defaultBlocking;
    private static volatile AsyncPostgresBackend defaultAsync;
    private static final Map<Class<?>, PostgresBackend> BLOCKING = new ConcurrentHashMap<>();
    private static final Map<Class<?>, AsyncPostgresBackend> ASYNC = new ConcurrentHashMap<>();

    private ModelBackends() {
    }

    static void configure(PostgresBackend backend, Class<?>... models) {
        if (models.length == 0) {
            defaultBlocking = backend;
        }
        for (Class<?> m : models) {
            BLOCKING.put(m, backend);
        }
    }

    static void configure(AsyncPostgresBackend backend, Class<?>... models) {
        if (models.length == 0) {
            defaultAsync = backend;
        }
        for (Class<?> m : models) {
            ASYNC.put(m, backend);
        }
    }

    static PostgresBackend blocking(Class<?> model) {
        PostgresBackend b = BLOCKING.getOrDefault(model, defaultBlocking);
        if (b == null) {
            throw new IllegalStateException("no backend for " + model.getSimpleName()
                    + ": call ActiveRecord.configure(backend) or use Finder.using(backend)");
        }
        return b;
    }

    static AsyncPostgresBackend async(Class<?> model) {
        AsyncPostgresBackend b = ASYNC.getOrDefault(model, defaultAsync);
        if (b == null) {
            throw new IllegalStateException("no backend for " + model.getSimpleName()
                    + ": call AsyncActiveRecord.configure(backend) or use AsyncFinder.using(backend)");
        }
        return b;
    }
}
