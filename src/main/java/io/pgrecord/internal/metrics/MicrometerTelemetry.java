package io.pgrecord.internal.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.pgrecord.internal.exec.StatementKind;
import io.pgrecord.internal.exec.Telemetry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@link Telemetry} on Micrometer: the timer {@code pgrecord.statement} and the observations
 * {@code pgrecord.statement} and {@code pgrecord.transaction}. Tags and keys come from
 * {@link StatementKind} and the outcome only, so their number stays bounded.
 */
public final class MicrometerTelemetry implements Telemetry {

    public static final String STATEMENT = "pgrecord.statement";
    public static final String TRANSACTION = "pgrecord.transaction";

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(StatementKind kind, boolean failed) {
    }

    private MicrometerTelemetry(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = meters;
        this.observations = observations;
    }

    /** Either registry may be null; both typed {@code Object} as the configuration holds them. */
    public static Telemetry of(Object meters, Object observations) {
        return new MicrometerTelemetry((MeterRegistry) meters, (ObservationRegistry) observations);
    }

    @Override
    public Object statementStarted(StatementKind kind) {
        if (observations == null) {
            return null;
        }
        return Observation.createNotStarted(STATEMENT, observations)
                .contextualName(kind.operation() + " " + kind.model())
                .lowCardinalityKeyValue("model", kind.model())
                .lowCardinalityKeyValue("operation", kind.operation())
                .start();
    }

    @Override
    public void statementEnded(Object started, StatementKind kind, long nanos, Throwable failure) {
        if (meters != null) {
            timers.computeIfAbsent(new TimerKey(kind, failure != null), k -> Timer.builder(STATEMENT)
                    .description("SQL statements sent by pgrecord, until their rows were read")
                    .tag("model", k.kind().model())
                    .tag("operation", k.kind().operation())
                    .tag("outcome", k.failed() ? "error" : "success")
                    .register(meters)).record(nanos, TimeUnit.NANOSECONDS);
        }
        if (started instanceof Observation observation) {
            observation.lowCardinalityKeyValue("outcome", failure == null ? "success" : "error");
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
    }

    @Override
    public Object transactionStarted() {
        return observations == null ? null : Observation.start(TRANSACTION, observations);
    }

    @Override
    public void transactionEnded(Object started, boolean committed, Throwable failure) {
        if (started instanceof Observation observation) {
            observation.lowCardinalityKeyValue("outcome", committed ? "commit" : "rollback");
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
    }
}
