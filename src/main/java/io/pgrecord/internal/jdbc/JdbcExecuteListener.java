package io.pgrecord.internal.jdbc;

import io.pgrecord.error.ConnectionException;
import io.pgrecord.internal.error.UnreadableColumnException;
import io.pgrecord.internal.exec.StatementKind;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.exec.StatementTiming;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Records and times what jOOQ sends (raw {@code backend.dsl()} and the model statements jOOQ
 * runs) and translates its failures.
 */
final class JdbcExecuteListener implements ExecuteListener {

    /** The key of the statement's {@link StatementTiming} in the execute context's data. */
    private static final Object TIMING = new Object();

    private final StatementRecorder recorder;
    private final Runnable connectionLost;
    /** Told of a write that committed on its own (see {@link #onAutocommitWrite}); null when no one asks. */
    private volatile Runnable autocommitWrite;

    /**
     * @param connectionLost called when a statement finds its connection dead: the server
     *     terminated it or it dropped, so the pool's other connections are likely dead too
     */
    JdbcExecuteListener(StatementRecorder recorder, Runnable connectionLost) {
        this.recorder = recorder;
        this.connectionLost = connectionLost;
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        // batchSQL() allocates for a single statement: ask only in batch mode
        String[] batch = ctx.batchMode() == ExecuteContext.BatchMode.NONE ? null : ctx.batchSQL();
        StatementTiming timing;
        if (batch != null && batch.length > 1) {
            for (String sql : batch) {
                recorder.record(sql);
            }
            timing = recorder.time(String.join(";\n", batch));
        } else {
            timing = ctx.sql() == null ? null : recorder.start(ctx.sql());
        }
        if (timing != null) {
            ctx.data(TIMING, timing);
        }
    }

    /**
     * Tells {@code hook} of each write that committed on its own, outside any transaction: a
     * backend with replicas reads the primary's position before its next routed read, so raw
     * {@code dsl()} writes are read back too. Model writes report their position themselves.
     */
    void onAutocommitWrite(Runnable hook) {
        this.autocommitWrite = hook;
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        Runnable hook = autocommitWrite;
        if (hook != null && writes(ctx) && ctx.connection() != null && !JdbcStatements.inTransaction(ctx.connection())) {
            hook.run();
        }
    }

    private static boolean writes(ExecuteContext ctx) {
        if (ctx.batchMode() != ExecuteContext.BatchMode.NONE) {
            return true;
        }
        String sql = ctx.sql();
        return sql != null && StatementKind.writes(sql);
    }

    @Override
    public void end(ExecuteContext ctx) {
        if (ctx.data(TIMING) instanceof StatementTiming timing) {
            timing.succeeded(rows(ctx), () -> binds(ctx));
        }
    }

    /** The rows fetched, or those changed; -1 when jOOQ does not say. */
    private static long rows(ExecuteContext ctx) {
        if (ctx.result() != null) {
            return ctx.result().size();
        }
        int[] batch = ctx.batchRows();
        if (batch.length > 1) {
            long sum = 0;
            for (int n : batch) {
                sum += Math.max(0, n);
            }
            return sum;
        }
        return ctx.rows();
    }

    private static List<?> binds(ExecuteContext ctx) {
        return ctx.query() == null ? List.of() : ctx.query().getBindValues();
    }

    @Override
    public void exception(ExecuteContext ctx) {
        Throwable failure = ctx.sqlException() != null ? ctx.sqlException() : ctx.exception();
        if (failure != null) {
            UnreadableColumnException unreadable = UnreadableColumnException.ofJooq(failure, i -> serverType(ctx, i));
            if (unreadable != null) {
                if (ctx.data(TIMING) instanceof StatementTiming timing) {
                    timing.failed(unreadable, () -> binds(ctx));
                }
                ctx.exception(unreadable);
                return;
            }
            RuntimeException translated = recorder.masked(JdbcErrors.translate(failure), ctx.sql());
            if (translated instanceof ConnectionException) {
                connectionLost.run();
            }
            if (ctx.data(TIMING) instanceof StatementTiming timing) {
                timing.failed(translated, () -> binds(ctx));
            }
            ctx.exception(translated);
        }
    }

    /** The server type of a column of the result jOOQ was reading, or null. */
    private static String serverType(ExecuteContext ctx, int index) {
        try {
            ResultSet rs = ctx.resultSet();
            return rs == null ? null : rs.getMetaData().getColumnTypeName(index + 1);
        } catch (SQLException e) {
            return null;
        }
    }
}
