package io.pgrecord.internal.jdbc;

import java.sql.Connection;
import org.jooq.ConnectionProvider;

/**
 * Hands out connections to jOOQ and to the model executor: the thread's transaction connection
 * when there is one, one from the connection source otherwise.
 */
public final class PooledConnectionProvider implements ConnectionProvider {

    private final JdbcConnectionSource source;
    private final TxBinding binding;

    PooledConnectionProvider(JdbcConnectionSource source, TxBinding binding) {
        this.source = source;
        this.binding = binding;
    }

    /** The calling thread's transaction connection, or a pooled one. */
    @Override
    public Connection acquire() {
        Connection bound = binding.current();
        return bound != null ? bound : source.get();
    }

    /** A connection from the pool, whatever the thread's transaction. */
    public Connection acquireFromPool() {
        return source.get();
    }

    /** Returns a pooled connection; the thread's transaction connection stays open until the transaction ends. */
    @Override
    public void release(Connection connection) {
        if (connection == binding.current()) {
            return;
        }
        source.giveBack(connection);
    }

    public void releaseToPool(Connection connection) {
        source.giveBack(connection);
    }
}
