package io.pgrecord.internal.exec;

import org.jooq.SQLDialect;
import org.jooq.conf.Settings;

/** jOOQ settings shared by both executors. */
public final class JooqDefaults {

    public static final SQLDialect DIALECT = SQLDialect.POSTGRES;

    /** The SQL that reads the server version; both executors send it once, at connect. */
    public static final String SERVER_VERSION_SQL = "SHOW server_version_num";

    static {
        // jOOQ prints a banner and tips on first use; a library must stay quiet.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }

    private JooqDefaults() {
    }

    public static Settings settings() {
        return new Settings()
                .withExecuteLogging(false)
                .withDiagnosticsLogging(false)
                .withFetchWarnings(false)
                .withRenderFormatted(false);
    }
}
