package io.pgrecord.internal.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The blocking pool's gauges: HikariCP's own Micrometer tracker ({@code hikaricp.connections.*},
 * tag {@code pool}). Loaded only when a registry is configured.
 */
final class HikariMeters {

    private HikariMeters() {
    }

    /** {@code registry} is a {@code MeterRegistry}, typed {@code Object} as the configuration holds it. */
    static void bind(HikariConfig hc, Object registry) {
        hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory((MeterRegistry) registry));
    }
}
