package io.pgrecord.internal.r2dbc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The reactive pool's gauges: r2dbc-pool's {@link PoolMetrics} as {@code r2dbc.pool.*}, tag
 * {@code name}, the names Spring Boot gives them. Loaded only when a registry is configured.
 */
final class R2dbcPoolMeters {

    private R2dbcPoolMeters() {
    }

    /**
     * Registers the gauges of {@code pool}; {@code registry} is a {@code MeterRegistry}. Returns
     * what removes them, for when the pool closes, as HikariCP removes its own: a backend that
     * reconnects would otherwise leave a set of gauges per pool it ever opened.
     */
    static Runnable bind(ConnectionPool pool, String name, Object registry) {
        MeterRegistry meters = (MeterRegistry) registry;
        List<Gauge> gauges = List.of(
                gauge(meters, pool, name, "acquired", "connections lent out", PoolMetrics::acquiredSize),
                gauge(meters, pool, name, "allocated", "connections open, lent or idle", PoolMetrics::allocatedSize),
                gauge(meters, pool, name, "idle", "connections idle in the pool", PoolMetrics::idleSize),
                gauge(meters, pool, name, "pending", "callers waiting for a connection", PoolMetrics::pendingAcquireSize),
                gauge(meters, pool, name, "max.allocated", "the largest number of connections", PoolMetrics::getMaxAllocatedSize),
                gauge(meters, pool, name, "max.pending", "the most callers that may wait", PoolMetrics::getMaxPendingAcquireSize));
        return () -> gauges.forEach(meters::remove);
    }

    private static Gauge gauge(MeterRegistry meters, ConnectionPool pool, String name, String figure, String description,
            ToIntFunction<PoolMetrics> read) {
        return Gauge.builder("r2dbc.pool." + figure, pool, p -> p.getMetrics().map(read::applyAsInt).orElse(0))
                .description(description)
                .tag("name", name)
                .register(meters);
    }
}
