package io.pgrecord.bench.paired;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.Oid;
import org.postgresql.core.QueryExecutor;

/**
 * Checks, before timing, that a pgjdbc setting of the study reached the driver: on a connection
 * of its pool, pgjdbc reports the setting's value (or the default's). Without it, a setting lost
 * on the way (through pgrecord's driver options, say) would compare the default with itself.
 */
final class DriverSettingCheck {

    private static final String PROBE = "select 1";

    private DriverSettingCheck() {
    }

    /** Throws when the connection does not run under {@code setting}. */
    static void inEffect(String client, DriverSetting setting, Connection c) throws SQLException {
        if (setting.isDefault()) {
            return;
        }
        String seen = observed(c.unwrap(BaseConnection.class), setting.property());
        String wanted = switch (setting.property()) {
            // pgjdbc reports whether its cache keeps a statement, not the size
            case "preparedStatementCacheQueries" -> String.valueOf(Integer.parseInt(setting.value()) != 0);
            default -> setting.value();
        };
        if (!seen.equals(wanted)) {
            throw new IllegalStateException(client + ": " + setting.property() + " is " + seen + " on the driver, not " + wanted);
        }
    }

    private static String observed(BaseConnection pg, String property) throws SQLException {
        QueryExecutor qe = pg.getQueryExecutor();
        return switch (property) {
            case "prepareThreshold" -> String.valueOf(pg.getPrepareThreshold());
            case "defaultRowFetchSize" -> String.valueOf(pg.getDefaultFetchSize());
            // with binaryTransfer off, pgjdbc moves no type in binary, not even bigint
            case "binaryTransfer" -> String.valueOf(pg.binaryTransferSend(Oid.INT8));
            case "preparedStatementCacheQueries" -> {
                CachedQuery first = qe.borrowQuery(PROBE);
                qe.releaseQuery(first);
                CachedQuery second = qe.borrowQuery(PROBE);
                qe.releaseQuery(second);
                yield String.valueOf(first == second);
            }
            default -> throw new IllegalArgumentException("no check for pgjdbc's " + property);
        };
    }
}
