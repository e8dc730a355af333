package io.pgrecord;

import io.pgrecord.internal.jdbc.JdbcStatements;
import io.pgrecord.internal.tx.LockSql;
import java.sql.Connection;

/**
 * A held session-level advisory lock ({@code pg_advisory_lock}) on a connection of its own;
 * {@link #close()} unlocks it and returns the connection. Use try-with-resources.
 * {@snippet :
 * try (AdvisoryLock lock = backend.advisoryLock(42L)) {
 *     // only one holder of key 42 across all sessions runs this
 * }
 * }
 */
public final class AdvisoryLock implements AutoCloseable {

    private final PostgresBackend backend;
    private final Connection connection;
    private final long key;
    private boolean released;

    AdvisoryLock(PostgresBackend backend, Connection connection, long key) {
        this.backend = backend;
        this.connection = connection;
        this.key = key;
    }

    public long key() {
        return key;
    }

    /** Unlocks and returns the connection to the pool. Idempotent. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            JdbcStatements.execute(connection, LockSql.unlock(key), backend.recorder());
        } finally {
            backend.runtime().connections().releaseToPool(connection);
        }
    }
}
