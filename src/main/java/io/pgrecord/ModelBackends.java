package io.pgrecord;

import io.pgrecord.internal.exec.BackendHandle;
import io.pgrecord.internal.jdbc.JdbcExecutor;
import io.pgrecord.internal.r2dbc.R2dbcExecutor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Which backend a model class uses when none is given explicitly, and the handle a loaded model carries. */
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

    /** The handle models carry for a backend that may be null. */
    static BackendHandle handle(PostgresBackend backend) {
        return backend == null ? null : backend.handle();
    }

    static BackendHandle handle(AsyncPostgresBackend backend) {
        return backend == null ? null : backend.handle();
    }

    /** The blocking backend of a model's handle; null when it has none or a reactive one. */
    static @Nullable PostgresBackend bound(BackendHandle handle) {
        return handle instanceof JdbcExecutor e ? e.backend() : null;
    }

    /** The reactive backend of a model's handle; null when it has none or a blocking one. */
    static @Nullable AsyncPostgresBackend boundAsync(BackendHandle handle) {
        return handle instanceof R2dbcExecutor e ? e.backend() : null;
    }
}
