package io.pgrecord.internal.metrics;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import java.util.function.ToIntFunction;

/**
 * The pools' gauges: HikariCP's own Micrometer tracker for the blocking pool
 * ({@code hikaricp.connections.*}, tag {@code pool}), and r2dbc-pool's {@link PoolMetrics} as
 * gauges {@code r2dbc.pool.*} (tag {@code name}) for the reactive one.
 */
public final class PoolMeters {

    private PoolMeters() {
    }

    /** {@code registry} is a {@code MeterRegistry}, typed {@code Object} as the configuration holds it. */
    public static void hikari(HikariConfig hc, Object registry) {
        hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory((MeterRegistry) registry));
    }

    /** Registers the gauges of {@code pool}; they read nothing once it is gone. */
    public static void r2dbc(ConnectionPool pool, String name, Object registry) {
        MeterRegistry meters = (MeterRegistry) registry;
        gauge(meters, pool, name, "acquired", "connections lent out", PoolMetrics::acquiredSize);
        gauge(meters, pool, name, "allocated", "connections open, lent or idle", PoolMetrics::allocatedSize);
        gauge(meters, pool, name, "idle", "connections idle in the pool", PoolMetrics::idleSize);
        gauge(meters, pool, name, "pending", "callers waiting for a connection", PoolMetrics::pendingAcquireSize);
        gauge(meters, pool, name, "max.allocated", "the largest number of connections", PoolMetrics::getMaxAllocatedSize);
        gauge(meters, pool, name, "max.pending", "the most callers that may wait", PoolMetrics::getMaxPendingAcquireSize);
    }

    private static void gauge(MeterRegistry meters, ConnectionPool pool, String name, String figure, String description,
            ToIntFunction<PoolMetrics> read) {
        Gauge.builder("r2dbc.pool." + figure, pool, p -> p.getMetrics().map(read::applyAsInt).orElse(0))
                .description(description)
                .tag("name", name)
                .register(meters);
    }
}
