package io.pgrecord.internal.config;

import io.pgrecord.PostgresConnectionConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server settings a config asks for at connection start-up. Both drivers send them in the
 * start-up packet, so they cost no round trip and hold on every pooled connection.
 */
public final class StartupParameters {

    private StartupParameters() {
    }

    /** Setting name to value, e.g. {@code statement_timeout -> 5000} (milliseconds). */
    public static Map<String, String> of(PostgresConnectionConfig config) {
        Map<String, String> params = new LinkedHashMap<>();
        if (config.searchPath() != null) {
            params.put("search_path", config.searchPath());
        }
        putMillis(params, "statement_timeout", config.statementTimeout());
        putMillis(params, "lock_timeout", config.lockTimeout());
        return params;
    }

    private static void putMillis(Map<String, String> params, String name, Duration value) {
        if (value != null) {
            params.put(name, Long.toString(value.toMillis()));
        }
    }

    /**
     * The libpq {@code options} form, {@code -c name=value ...}, with spaces and backslashes
     * escaped so a value cannot smuggle in another setting.
     */
    public static String asCommandLine(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((name, value) -> {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append("-c ").append(name).append('=').append(value.replace("\\", "\\\\").replace(" ", "\\ "));
        });
        return sb.toString();
    }

    /** Seconds for drivers that count whole seconds; a partial second rounds up. */
    public static int ceilSeconds(Duration d) {
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, s);
    }
}
