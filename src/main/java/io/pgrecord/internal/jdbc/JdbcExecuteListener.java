package io.pgrecord.internal.jdbc;

import io.pgrecord.internal.core.StatementRecorder;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/** Records what raw jOOQ sends and translates its failures, for {@code backend.dsl()}. */
final class JdbcExecuteListener implements ExecuteListener {

    private final StatementRecorder recorder;

    JdbcExecuteListener(StatementRecorder recorder) {
        this.recorder = recorder;
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
            ctx.exception(JdbcErrors.translate(failure));
        }
    }
}
