package io.pgrecord.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.SQLDialect;
import org.jooq.tools.JooqLogger;
import org.junit.jupiter.api.Test;

/**
 * jOOQ's open-source POSTGRES dialect claims only the newest server version, so on each connection
 * to PostgreSQL 12-17 it would WARN "Version mismatch". pgrecord supports those servers and silences
 * that one check; jOOQ's other warnings stay on.
 */
class JooqVersionWarningTest {

    private static final String VERSION_CHECK = "org.jooq.impl.DefaultExecuteContext.logVersionSupport";
    private static final String OTHER_CHECK = "org.jooq.impl.DefaultExecuteContext.logDefaultDialect";

    @Test
    void theDialectRejectsOlderSupportedServers() {
        // the reason for the silencing: if jOOQ ever accepts 12, the silencing can go
        assertThat(SQLDialect.POSTGRES.supportsDatabaseVersion(12, 0, "12.0")).isFalse();
        assertThat(SQLDialect.POSTGRES.supportsDatabaseVersion(15, 0, "15.0")).isFalse();
    }

    @Test
    void onlyTheVersionCheckIsSilenced() {
        JooqDefaults.settings();
        assertThat(JooqLogger.getLogger(VERSION_CHECK, -1).isWarnEnabled()).isFalse();
        assertThat(JooqLogger.getLogger(VERSION_CHECK, -1).isErrorEnabled()).isTrue();
        assertThat(JooqLogger.getLogger(OTHER_CHECK, -1).isWarnEnabled()).isTrue();
    }
}
