package io.pgrecord.internal.exec;

import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.internal.metrics.MicrometerTelemetry;

/** Reads a backend's {@link Observability} from its configuration. */
public final class Observabilities {

    private Observabilities() {
    }

    public static Observability of(PostgresConnectionConfig config) {
        Object meters = config.meterRegistry();
        Object observations = config.observationRegistry();
        // MicrometerTelemetry, and Micrometer with it, is loaded only when a registry is set
        Telemetry telemetry = meters == null && observations == null ? null : MicrometerTelemetry.of(meters, observations);
        return Observability.of(config.slowStatementThreshold(), config.sensitiveColumns(), telemetry);
    }
}
