package io.pgrecord.internal.jdbc;

import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.tx.LockSql;
import java.sql.Connection;

/** A held session-level advisory lock on a connection of its own, until {@link #close()}. Not thread-safe. */
public final class JdbcLock {

    private final PooledConnectionProvider pool;
    private final StatementRecorder recorder;
    private final Connection connection;
    private final long key;
    private boolean released;

    JdbcLock(PooledConnectionProvider pool, StatementRecorder recorder, Connection connection, long key) {
        this.pool = pool;
        this.recorder = recorder;
        this.connection = connection;
        this.key = key;
    }

    public long key() {
        return key;
    }

    /** Unlocks and returns the connection to the pool. Idempotent. */
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            JdbcStatements.execute(connection, LockSql.unlock(key), recorder);
        } finally {
            pool.releaseToPool(connection);
        }
    }
}
