package io.pgrecord.internal.exec;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One statement in flight while SQL logging, a slow threshold or metrics are on: made by
 * {@link StatementRecorder#start(String)} before the statement is sent and ended once with its
 * rows or its failure. Further ends are ignored, so a reactive statement may end on whichever
 * signal comes first.
 */
public final class StatementTiming {

    private final Observability observability;
    private final String sql;
    private final long start = System.nanoTime();
    private final StatementKind kind;
    private final Object observation;
    private final AtomicBoolean ended = new AtomicBoolean();

    StatementTiming(Observability observability, String sql) {
        this.observability = observability;
        this.sql = sql;
        Telemetry telemetry = observability.telemetry();
        this.kind = telemetry == null ? null : StatementKind.of(sql);
        this.observation = telemetry == null ? null : telemetry.statementStarted(kind);
    }

    /**
     * @param rows the rows read or changed, or -1 when unknown
     * @param binds the bind values, asked for only when they are logged
     */
    public void succeeded(long rows, Supplier<? extends List<?>> binds) {
        end(rows, null, binds);
    }

    public void failed(Throwable failure, Supplier<? extends List<?>> binds) {
        end(-1, failure, binds);
    }

    private void end(long rows, Throwable failure, Supplier<? extends List<?>> binds) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        long nanos = System.nanoTime() - start;
        Telemetry telemetry = observability.telemetry();
        if (telemetry != null) {
            telemetry.statementEnded(observation, kind, nanos, failure);
        }
        SqlLog.statement(sql, nanos, rows, failure, observability.slowNanos(),
                SqlLog.LOGGER.isTraceEnabled() && binds != null ? binds.get() : null, observability.sensitiveColumns());
    }
}
