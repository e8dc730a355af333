package io.pgrecord.internal.jdbc;

import io.pgrecord.internal.core.StatementRecorder;
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
            RuntimeException translated = JdbcErrors.translate(failure);
            if (translated instanceof io.pgrecord.error.ConnectionException) {
                connectionLost.run();
            }
            ctx.exception(translated);
        }
    }
}
