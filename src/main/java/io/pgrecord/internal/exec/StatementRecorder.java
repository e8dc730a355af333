package io.pgrecord.internal.exec;

import io.pgrecord.StatementLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link StatementLog} of one backend, and where every statement of both executors is
 * reported: {@link #start(String)} records it and, while SQL logging, a slow threshold or metrics
 * are on, times it for the SQL log and the {@link Telemetry}. It is on every statement's path, so
 * when all is off it costs a volatile read and a logger level check, and allocates nothing.
 */
public final class StatementRecorder implements StatementLog {

    private volatile boolean capturing;
    private final List<String> captured = new ArrayList<>();
    private final Observability observability;
    /** Whether every statement is timed whatever the logger level: a threshold or metrics are set. */
    private final boolean alwaysTimed;

    public StatementRecorder() {
        this(Observability.DEFAULT);
    }

    public StatementRecorder(Observability observability) {
        this.observability = observability;
        this.alwaysTimed = observability.slowNanos() > 0 || observability.telemetry() != null;
    }

    /**
     * Records {@code sql} and starts timing it when it is logged or measured; null otherwise.
     * The caller ends a timing it got with its rows or its failure.
     */
    public StatementTiming start(String sql) {
        record(sql);
        return time(sql);
    }

    /** As {@link #start(String)} without recording: for a batch whose statements were recorded one by one. */
    public StatementTiming time(String sql) {
        return alwaysTimed || SqlLog.LOGGER.isDebugEnabled() ? new StatementTiming(observability, sql) : null;
    }

    /** Whether the SQL log shows bind values (TRACE): only then do reactive statements keep theirs. */
    public boolean bindsLogged() {
        return SqlLog.LOGGER.isTraceEnabled();
    }

    /**
     * A statement's translated failure as the application may see it: a data error's quoted
     * values masked when {@code sql} names a sensitive column (see {@link SensitiveErrors}).
     */
    public Throwable masked(Throwable translated, String sql) {
        return SensitiveErrors.masked(translated, sql, observability.sensitiveColumns());
    }

    /** As {@link #masked(Throwable, String)}: a translated runtime exception stays one. */
    public RuntimeException masked(RuntimeException translated, String sql) {
        return (RuntimeException) SensitiveErrors.masked(translated, sql, observability.sensitiveColumns());
    }

    /** Starts a top-level transaction's observation; null without an observation registry. */
    public Object transactionStarted() {
        Telemetry telemetry = observability.telemetry();
        return telemetry == null ? null : telemetry.transactionStarted();
    }

    /** Ends what {@link #transactionStarted()} returned, if anything. */
    public void transactionEnded(Object started, boolean committed, Throwable failure) {
        if (started != null) {
            observability.telemetry().transactionEnded(started, committed, failure);
        }
    }

    public void record(String sql) {
        if (capturing) {
            synchronized (captured) {
                if (capturing) {
                    captured.add(sql);
                }
            }
        }
    }

    @Override
    public void start() {
        synchronized (captured) {
            captured.clear();
            capturing = true;
        }
    }

    @Override
    public List<String> stop() {
        synchronized (captured) {
            capturing = false;
            List<String> result = List.copyOf(captured);
            captured.clear();
            return result;
        }
    }

    @Override
    public List<String> statements() {
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    @Override
    public boolean isCapturing() {
        return capturing;
    }
}
