package io.pgrecord.internal.exec;

import java.lang.reflect.Array;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL log, logger {@code io.pgrecord.sql}: one line per statement with its duration and
 * rows at DEBUG; at TRACE the same line with the binds, logged at TRACE; a statement over the
 * slow threshold at WARN whatever the level. Nothing is logged at INFO.
 */
final class SqlLog {

    static final Logger LOGGER = LoggerFactory.getLogger("io.pgrecord.sql");

    private static final int LONGEST_VALUE = 100;

    private SqlLog() {
    }

    /**
     * @param rows the rows read or changed, or -1 when unknown
     * @param binds the bind values in order, or null when the statement has none to show
     */
    static void statement(String sql, long nanos, long rows, Throwable failure, long slowNanos, List<?> binds,
            Set<String> sensitiveColumns) {
        boolean slow = slowNanos > 0 && nanos >= slowNanos;
        if (!slow && !LOGGER.isDebugEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder(sql.length() + 64);
        if (slow) {
            line.append("slow statement, over ").append(millis(slowNanos)).append(" ms: ");
        }
        line.append(millis(nanos)).append(" ms, ");
        if (failure != null) {
            line.append("failed (").append(failure.getClass().getSimpleName()).append(')');
        } else if (rows >= 0) {
            line.append(rows).append(rows == 1 ? " row" : " rows");
        } else {
            line.append("done");
        }
        line.append(": ").append(sql);
        boolean withBinds = binds != null && !binds.isEmpty() && LOGGER.isTraceEnabled();
        if (withBinds) {
            appendBinds(line, sql, binds, sensitiveColumns);
        }
        if (slow) {
            LOGGER.warn(line.toString());
        } else if (withBinds) {
            LOGGER.trace(line.toString());   // the line that shows binds is a TRACE line
        } else {
            LOGGER.debug(line.toString());
        }
    }

    private static void appendBinds(StringBuilder line, String sql, List<?> binds, Set<String> sensitiveColumns) {
        boolean[] masked = BindColumns.masked(sql, binds.size(), sensitiveColumns);
        line.append(" -- binds: [");
        for (int i = 0; i < binds.size(); i++) {
            if (i > 0) {
                line.append(", ");
            }
            line.append(masked[i] ? "***" : value(binds.get(i)));
        }
        line.append(']');
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0);
    }

    private static String value(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        if (v.getClass().isArray()) {
            StringBuilder s = new StringBuilder("{");
            for (int i = 0; i < Array.getLength(v); i++) {
                s.append(i > 0 ? ", " : "").append(value(Array.get(v, i)));
            }
            return s.append('}').toString();
        }
        String text = v.toString();
        if (text.length() > LONGEST_VALUE) {
            text = text.substring(0, LONGEST_VALUE) + "...";
        }
        return v instanceof CharSequence ? "'" + text.replace("'", "''") + "'" : text;
    }
}
