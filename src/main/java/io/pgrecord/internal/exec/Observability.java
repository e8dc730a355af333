package io.pgrecord.internal.exec;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a backend reports about its statements beyond the {@code StatementLog}: the slow
 * statement threshold, the columns whose binds are masked and the Micrometer side, if any.
 *
 * @param slowNanos statements at least this long are logged at WARN; 0 for no threshold
 * @param sensitiveColumns column names, in lower case, whose binds are masked besides those of
 *     {@code @Sensitive} fields
 * @param telemetry the metrics and observations, or null without a registry
 */
public record Observability(long slowNanos, Set<String> sensitiveColumns, Telemetry telemetry) {

    /** No threshold, no extra columns, no registry: SQL logging by logger level only. */
    public static final Observability DEFAULT = new Observability(0, Set.of(), null);

    public static Observability of(Duration slowThreshold, Set<String> sensitiveColumns, Telemetry telemetry) {
        return new Observability(slowThreshold == null ? 0 : Math.max(1, slowThreshold.toNanos()),
                sensitiveColumns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                telemetry);
    }
}
