package io.pgrecord.readme;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.pgrecord.PostgresConnectionConfig;
import java.time.Duration;

/** The README's "Logging, metrics and tracing" block. */
final class ObservabilityExample {

    private ObservabilityExample() {
    }

    /** Compiled, not run; SqlLogTest and MetricsTest run each option. */
    static PostgresConnectionConfig configure(MeterRegistry meterRegistry, ObservationRegistry observationRegistry) {
        // README: observability-begin
        PostgresConnectionConfig config = PostgresConnectionConfig.builder()
                .host("localhost").database("mydb").username("user")
                .slowStatementThreshold(Duration.ofMillis(500))   // logged at WARN, whatever the level
                .sensitiveColumns("iban", "password_hash")        // binds shown as ***, as @Sensitive fields'
                .meterRegistry(meterRegistry)                     // timer pgrecord.statement, pool gauges
                .observationRegistry(observationRegistry)         // observations pgrecord.statement, pgrecord.transaction
                .build();
        // README: observability-end
        return config;
    }
}
