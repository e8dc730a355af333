package io.pgrecord.internal.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.internal.config.DriverOptions;
import io.pgrecord.internal.config.HostList;
import io.pgrecord.internal.config.StartupParameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Translates a {@link PostgresConnectionConfig} into a HikariCP pool over pgjdbc. */
final class HikariConfigs {

    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    /** The types pgrecord reads as text on every pgjdbc connection: timetz, bytea, bytea[]. */
    static final int[] TEXT_READ_OIDS = {1266, 17, 1001};

    private HikariConfigs() {
    }

    static HikariConfig from(PostgresConnectionConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("pgrecord-jdbc-" + POOL_IDS.incrementAndGet());
        hc.setJdbcUrl(jdbcUrl(config));
        hc.setUsername(config.username());
        hc.setPassword(config.password());
        hc.setMinimumIdle(config.poolMinSize());
        hc.setMaximumPoolSize(config.poolMaxSize());
        hc.setConnectionTimeout(config.poolTimeout().toMillis());
        Properties driver = driverProperties(config);
        hc.setDataSourceProperties(driver);
        // HikariCP sets every connection's read-only flag itself, so pgjdbc's readOnly is passed on to it
        hc.setReadOnly(Boolean.parseBoolean(driver.getProperty("readOnly", "false")));
        if (config.meterRegistry() != null) {
            HikariMeters.bind(hc, config.meterRegistry());
        }
        return hc;
    }

    /** pgjdbc's URL, with every host of the role: the driver tries them as target_session_attrs asks. */
    static String jdbcUrl(PostgresConnectionConfig config) {
        String hosts = HostList.parse(config.host(), config.port()).stream().map(HostList.HostPort::authority)
                .collect(Collectors.joining(","));
        return "jdbc:postgresql://" + hosts + "/"
                + URLEncoder.encode(config.database(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Properties driverProperties(PostgresConnectionConfig config) {
        Properties p = new Properties();
        // The server types string binds, so where("attributes @> ?", "{...}") works on jsonb.
        p.setProperty("stringtype", "unspecified");
        p.setProperty("reWriteBatchedInserts", "true");
        // pgrecord reads these types as text on both backends. Once a statement is server-prepared
        // pgjdbc would fetch them in binary, and its getString then shifts a timetz to UTC
        // (10:15+05:30 reads as 04:45Z) and cannot print a bytea[]. OIDs: timetz, bytea, bytea[].
        p.setProperty("binaryTransferDisable", Arrays.stream(TEXT_READ_OIDS).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("sslmode", config.sslMode());
        copy(config, p, "sslrootcert", "sslrootcert");
        copy(config, p, "sslcert", "sslcert");
        copy(config, p, "sslkey", "sslkey");
        copy(config, p, "application_name", "ApplicationName");
        if (config.connectTimeout() != null) {
            p.setProperty("connectTimeout", Integer.toString(StartupParameters.ceilSeconds(config.connectTimeout())));
        }
        // connectTimeout bounds only the TCP connect: a server that accepts and never answers
        // held the caller for good. The whole login gets connect_timeout, as libpq's does, or
        // else the pool timeout a caller waits for a connection at most.
        Duration login = config.connectTimeout() != null && !config.connectTimeout().isZero() ? config.connectTimeout() : config.poolTimeout();
        if (login != null && !login.isZero()) {
            p.setProperty("loginTimeout", Integer.toString(StartupParameters.ceilSeconds(login)));
        }
        if (config.option("target_session_attrs") != null) {
            p.setProperty("targetServerType", targetServerType((String) config.option("target_session_attrs")));
        }
        if ("random".equals(config.option("load_balance_hosts"))) {
            p.setProperty("loadBalanceHosts", "true");
        }
        Map<String, String> startup = StartupParameters.of(config);
        if (!startup.isEmpty()) {
            p.setProperty("options", StartupParameters.asCommandLine(startup));
        }
        // last, so a driver option overrides a default above (tcpKeepAlive, reWriteBatchedInserts)
        DriverOptions.forPgjdbc(config.driverOptions()).forEach(p::setProperty);
        return p;
    }

    private static void copy(PostgresConnectionConfig config, Properties p, String option, String property) {
        Object value = config.option(option);
        if (value != null) {
            p.setProperty(property, value.toString());
        }
    }

    private static String targetServerType(String attrs) {
        return switch (attrs) {
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            default -> "any";
        };
    }
}
