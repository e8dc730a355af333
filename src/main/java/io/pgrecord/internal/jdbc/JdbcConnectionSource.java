package io.pgrecord.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the blocking executor gets its connections: its own HikariCP pool today
 * ({@link HikariSource}); an application's DataSource or framework-managed connections later.
 */
public interface JdbcConnectionSource extends AutoCloseable {

    /** A connection; failures arrive as {@code io.pgrecord.error} types. */
    Connection get();

    /**
     * A pgjdbc connection for the listener to keep: outside the pool's budget when the pool is
     * pgrecord's own. Closing it releases it.
     *
     * @throws IllegalStateException when the connection is not pgjdbc's
     */
    Connection dedicated();

    /** Gives a connection from {@link #get()} back: closing it returns it to its pool. */
    default void giveBack(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        }
    }

    /** Replaces the source's idle connections, after a session-state change made them stale. */
    void evictIdle();

    /** {active, idle, total, waiting}; zeros when the source keeps no figures. */
    int[] figures();

    /**
     * Closes the source once the work in flight is done: from now on {@link #get()} refuses, and
     * the connections in use, all but the closing thread's own {@code callersOwn}, are waited for
     * until a deadline of the source's own; any still in use then is closed under its user. A
     * source that owns no pool just closes.
     */
    default void closeAfterWork(int callersOwn) {
        close();
    }

    /** Closes the source, at once. */
    @Override
    void close();
}
