package io.pgrecord.internal.exec;

import org.jooq.Context;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;

/** jOOQ settings shared by both executors. */
public final class JooqDefaults {

    public static final SQLDialect DIALECT = SQLDialect.POSTGRES;

    /** The SQL that reads the server version; both executors send it once, at connect. */
    public static final String SERVER_VERSION_SQL = "SHOW server_version_num";

    /** jOOQ's per-logger level property for its check of the server version against the dialect. */
    private static final String VERSION_CHECK_LEVEL = "org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport";

    static {
        // jOOQ prints a banner and tips on first use; a library must stay quiet.
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
        // jOOQ's open-source POSTGRES dialect has no versioned variants and claims only the newest
        // server, so it WARNs "Version mismatch" on PostgreSQL 12-17, which pgrecord supports (its own
        // capability gates handle the differences). Raise only that one logger to ERROR, unless set.
        System.setProperty(VERSION_CHECK_LEVEL, System.getProperty(VERSION_CHECK_LEVEL, "ERROR"));
    }

    private JooqDefaults() {
    }

    public static Settings settings() {
        return new Settings()
                // pgrecord logs every statement itself (logger io.pgrecord.sql), the fast path and
                // R2DBC included, which jOOQ's listener-based logger never sees: it stays off so
                // that nothing is logged twice
                .withExecuteLogging(false)
                .withDiagnosticsLogging(false)
                .withFetchWarnings(false)
                .withRenderFormatted(false);
    }

    /** The settings pgrecord renders a statement for R2DBC with: its binds are {@code $n}. */
    public static Settings numberedSettings() {
        return settings().withRenderNamedParamPrefix("$");
    }

    /**
     * Whether {@code ctx} renders a statement whose binds are {@code $n} (R2DBC: pgrecord's
     * rendering and jOOQ's own set the prefix to {@code $}), not {@code ?} (pgjdbc, and the SQL
     * {@code toSql()} shows), where a {@code ?} operator is written {@code ??}.
     */
    public static boolean numberedBinds(Context<?> ctx) {
        ParamType type = ctx.paramType();
        return type == ParamType.NAMED || type == ParamType.NAMED_OR_INLINED
                || "$".equals(ctx.settings().getRenderNamedParamPrefix());
    }
}
