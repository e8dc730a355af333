package io.pgrecord.internal.jdbc;

import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.exec.StatementTiming;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/** Sends a control statement (BEGIN, SAVEPOINT ...) on a connection, logged and translated. */
public final class JdbcStatements {

    private JdbcStatements() {
    }

    public static void execute(Connection connection, String sql, StatementRecorder recorder) {
        StatementTiming timing = recorder.start(sql);
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            RuntimeException translated = JdbcErrors.translate(e);
            if (timing != null) {
                timing.failed(translated, List::of);
            }
            throw translated;
        }
        if (timing != null) {
            timing.succeeded(-1, List::of);
        }
    }

    /**
     * Whether the connection came in a transaction its owner runs: autocommit off, as a framework
     * (Spring's transaction managers) leaves it for the length of its transaction. pgrecord's own
     * transactions run with autocommit on and send BEGIN.
     */
    public static boolean inOwnersTransaction(Connection connection) {
        try {
            return !connection.getAutoCommit();
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        }
    }

    /** Whether the connection's transaction is aborted: a statement in it failed, and COMMIT would roll it back. */
    public static boolean inFailedTransaction(Connection connection) {
        try {
            return connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED;
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        }
    }

    /** Whether the server has a transaction open on this connection. */
    public static boolean inTransaction(Connection connection) {
        try {
            return connection.unwrap(BaseConnection.class).getTransactionState()
                    != TransactionState.IDLE;
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        }
    }
}
