package io.pgrecord.internal.jdbc;

import io.pgrecord.error.ConnectionException;
import io.pgrecord.internal.error.UnreadableColumnException;
import io.pgrecord.internal.exec.StatementRecorder;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/** Records what raw jOOQ sends and translates its failures, for {@code backend.dsl()}. */
final class JdbcExecuteListener implements ExecuteListener {

    private final StatementRecorder recorder;
    private final Runnable connectionLost;

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
        if (recorder.isCapturing()) {
            String[] batch = ctx.batchSQL();
            if (batch.length > 1) {
                for (String sql : batch) {
                    recorder.record(sql);
                }
            } else if (ctx.sql() != null) {
                recorder.record(ctx.sql());
            }
        }
    }

    @Override
    public void exception(ExecuteContext ctx) {
        Throwable failure = ctx.sqlException() != null ? ctx.sqlException() : ctx.exception();
        if (failure != null) {
            UnreadableColumnException unreadable = UnreadableColumnException.ofJooq(failure, i -> serverType(ctx, i));
            if (unreadable != null) {
                ctx.exception(unreadable);
                return;
            }
            RuntimeException translated = JdbcErrors.translate(failure);
            if (translated instanceof ConnectionException) {
                connectionLost.run();
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
