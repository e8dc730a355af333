package io.pgrecord.internal.jdbc;

import io.pgrecord.PostgresBackend;
import java.util.function.Function;

/**
 * The executor behind a {@link PostgresBackend}, for pgrecord's packages outside
 * {@code io.pgrecord} (the test extension), which cannot call the backend's package-private
 * accessor. The backend's class sets the lookup when it loads, before any backend exists.
 */
public final class BackendExecutors {

    private static volatile Function<PostgresBackend, JdbcExecutor> lookup;

    private BackendExecutors() {
    }

    /** Called once, by {@link PostgresBackend}. */
    public static void register(Function<PostgresBackend, JdbcExecutor> executorOf) {
        if (lookup != null) {
            throw new IllegalStateException("the executor lookup is already set");
        }
        lookup = executorOf;
    }

    public static JdbcExecutor of(PostgresBackend backend) {
        return lookup.apply(backend);
    }
}
