package io.pgrecord.internal.error;

import io.pgrecord.error.CheckViolationException;
import io.pgrecord.error.ConnectionException;
import io.pgrecord.error.ConstraintViolationException;
import io.pgrecord.error.DataException;
import io.pgrecord.error.DatabaseException;
import io.pgrecord.error.DeadlockException;
import io.pgrecord.error.ExclusionViolationException;
import io.pgrecord.error.ForeignKeyViolationException;
import io.pgrecord.error.LockNotAvailableException;
import io.pgrecord.error.NotNullViolationException;
import io.pgrecord.error.QueryCanceledException;
import io.pgrecord.error.ReadOnlyTransactionException;
import io.pgrecord.error.SerializationFailureException;
import io.pgrecord.error.ServerErrorFields;
import io.pgrecord.error.SqlSyntaxException;
import io.pgrecord.error.UniqueViolationException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps a PostgreSQL error report to the exception type for its SQLSTATE. Both executors
 * extract {@link ServerErrorFields} from their driver's exception and call this, so the
 * mapping is the same on JDBC and R2DBC.
 */
public final class ErrorTranslator {

    /** SQLSTATE used for client-side connection failures that carry no state of their own. */
    public static final String CONNECTION_FAILURE = "08000";

    private ErrorTranslator() {
    }

    public static DatabaseException translate(ServerErrorFields reported, @Nullable Throwable reportedCause) {
        ServerErrorFields f = SensitiveKeys.masked(reported);
        // the driver's exception quotes the detail too: with a sensitive key, it is left out
        Throwable cause = f == reported ? reportedCause : null;
        String state = f.sqlState();
        String message = message(f);
        return switch (state) {
            case "23505" -> new UniqueViolationException(message, f, cause);
            // 23001: a foreign key declared ON DELETE/UPDATE RESTRICT
            case "23503", "23001" -> new ForeignKeyViolationException(message, f, cause);
            case "23502" -> new NotNullViolationException(message, f, cause);
            case "23514" -> new CheckViolationException(message, f, cause);
            case "23P01" -> new ExclusionViolationException(message, f, cause);
            case "40001" -> new SerializationFailureException(message, f, cause);
            case "40P01" -> new DeadlockException(message, f, cause);
            case "55P03" -> new LockNotAvailableException(message, f, cause);
            case "57014" -> new QueryCanceledException(message, f, cause);
            case "25006" -> new ReadOnlyTransactionException(message, f, cause);
            case "57P01", "57P02", "57P03", "3D000" -> new ConnectionException(message, f, cause);
            default -> byClass(state, message, f, cause);
        };
    }

    private static DatabaseException byClass(String state, String message, ServerErrorFields f, @Nullable Throwable cause) {
        return switch (state.length() >= 2 ? state.substring(0, 2) : state) {
            case "08", "28" -> new ConnectionException(message, f, cause);
            case "22" -> new DataException(message, f, cause);
            case "23" -> new ConstraintViolationException(message, f, cause);
            case "42" -> isRejectedInput(state, f.message()) ? new DataException(message, f, cause)
                    : new SqlSyntaxException(message, f, cause);
            default -> new DatabaseException(message, f, cause);
        };
    }

    /**
     * The input functions of tsquery, tsvector, jsonpath and ltree report a value they cannot
     * parse as 42601, the SQLSTATE of a statement the parser rejects. The value is the problem,
     * not the SQL, so these become {@link DataException}s like every other rejected value
     * (22P02). Their messages are fixed by the server: {@code syntax error in tsquery: "a & & b"},
     * {@code syntax error at or near "@" of jsonpath input}, {@code ltree syntax error at character 3}.
     */
    private static final Pattern REJECTED_INPUT = Pattern.compile(
            "^(syntax error in (tsquery|tsvector)\\b|(ltree|lquery|ltxtquery) syntax error\\b).*|.* of jsonpath input$",
            Pattern.DOTALL);

    static boolean isRejectedInput(String state, String serverMessage) {
        return "42601".equals(state) && serverMessage != null && REJECTED_INPUT.matcher(serverMessage).matches();
    }

    /** A connection that could not be made or was lost, with no server report. */
    public static ConnectionException connectionFailure(@Nullable String sqlState, String message, @Nullable Throwable cause) {
        String state = sqlState != null && sqlState.startsWith("08") ? sqlState : CONNECTION_FAILURE;
        ServerErrorFields f = ServerErrorFields.of(state, message);
        return new ConnectionException(message(f), f, cause);
    }

    /** No pooled connection became free in time. */
    public static ConnectionException poolExhausted(String pool, int maxSize, Duration timeout, @Nullable Throwable cause) {
        String text = "connection pool " + pool + " exhausted: all " + maxSize
                + " connections (poolMaxSize) stayed in use for the pool timeout of " + timeout.toMillis()
                + " ms; release connections sooner or raise poolMaxSize/poolTimeout";
        return connectionFailure(CONNECTION_FAILURE, text, cause);
    }

    /**
     * The pool gave no connection within its timeout while none of its connections was in use:
     * not an exhausted pool, but a server that accepted the connection and did not complete its
     * startup (overloaded, or something else listening on its port).
     */
    public static ConnectionException serverNotConnecting(String pool, Duration timeout, @Nullable Throwable cause) {
        String text = "connection pool " + pool + " could not open a connection within the pool timeout of "
                + timeout.toMillis() + " ms, with none of its connections in use: the server did not complete"
                + " the connection's startup in time (is it overloaded, or is something else listening on its port?)";
        return connectionFailure(CONNECTION_FAILURE, text, cause);
    }

    /**
     * The application's own pool, behind a backend made with {@code of(...)}, gave no connection
     * within its own acquire timeout: its size and timeouts are the application's, which
     * pgrecord neither knows nor sets, so the message names none and quotes the pool's own words.
     *
     * @param source what the application handed pgrecord: "DataSource" or "ConnectionFactory"
     */
    public static ConnectionException applicationPoolExhausted(String source, Throwable cause) {
        String text = "the application's " + source + " gave no connection in time (" + Causes.messageOf(cause)
                + "); that pool is the application's, not pgrecord's: raise its size or acquire timeout,"
                + " or release connections sooner";
        return connectionFailure(CONNECTION_FAILURE, text, cause);
    }

    private static String message(ServerErrorFields f) {
        StringBuilder sb = new StringBuilder(f.message()).append(" (SQLSTATE ").append(f.sqlState()).append(')');
        if (f.detail() != null) {
            sb.append("; detail: ").append(f.detail());
        }
        if (f.hint() != null) {
            sb.append("; hint: ").append(f.hint());
        }
        return sb.toString();
    }
}
