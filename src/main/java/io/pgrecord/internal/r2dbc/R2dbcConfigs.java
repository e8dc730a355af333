package io.pgrecord.internal.r2dbc;

import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.internal.config.DriverOptions;
import io.pgrecord.internal.config.HostList;
import io.pgrecord.internal.config.StartupParameters;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.MultiHostConnectionStrategy.TargetServerType;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Translates a {@link PostgresConnectionConfig} into an r2dbc-postgresql factory and r2dbc-pool settings. */
final class R2dbcConfigs {

    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    /** Server-prepared statements a reactive connection keeps, least recently used out: pgjdbc's default. */
    static final int PREPARED_STATEMENTS_PER_CONNECTION = 256;

    private R2dbcConfigs() {
    }

    static PostgresqlConnectionConfiguration connection(PostgresConnectionConfig config) {
        Map<String, Object> driver = DriverOptions.forR2dbc(config.driverOptions());
        String target = (String) config.option("target_session_attrs");
        List<HostList.HostPort> hosts = HostList.parse(config.host(), config.port());
        // only the multi-host strategy honours a target server type or balances the load
        boolean multiHost = target != null || hosts.size() > 1 || config.option("load_balance_hosts") != null;
        PostgresqlConnectionConfiguration.Builder b;
        if (driver.isEmpty()) {
            b = PostgresqlConnectionConfiguration.builder();
            if (multiHost) {
                for (HostList.HostPort h : hosts) {
                    b.addHost(h.host(), h.port());
                }
            } else {
                b.host(hosts.get(0).host()).port(hosts.get(0).port());
            }
        } else {
            b = withDriverOptions(config, driver, hosts, multiHost);
        }
        if ("random".equals(config.option("load_balance_hosts"))) {
            b.loadBalanceHosts(true);
        }
        b.database(config.database())
                .username(config.username())
                .sslMode(SSLMode.fromValue(config.sslMode()))
                .options(StartupParameters.of(config));
        if (!driver.containsKey("tcpKeepAlive")) {
            b.tcpKeepAlive(true);
        }
        if (!driver.containsKey("preparedStatementCacheQueries")) {
            // the driver's default keeps every distinct statement prepared for the connection's life
            b.preparedStatementCacheQueries(PREPARED_STATEMENTS_PER_CONNECTION);
        }
        b.codecRegistrar(TextAsString.INSTANCE);
        if (target != null) {
            b.targetServerType(targetServerType(target));
        }
        if (config.password() != null) {
            b.password(config.password());
        }
        if (config.applicationName() != null) {
            b.applicationName(config.applicationName());
        }
        if (config.connectTimeout() != null && !config.connectTimeout().isZero()) {
            b.connectTimeout(config.connectTimeout());
        }
        if (config.option("sslrootcert") != null) {
            b.sslRootCert((String) config.option("sslrootcert"));
        }
        if (config.option("sslcert") != null) {
            b.sslCert((String) config.option("sslcert"));
        }
        if (config.option("sslkey") != null) {
            b.sslKey((String) config.option("sslkey"));
        }
        return b.build();
    }

    /**
     * A builder that r2dbc-postgresql's own provider made from the driver options, so that it
     * parses and applies them as it does for an r2dbc URL; the host goes in too, because the
     * provider requires it (as a failover host list when a target server type is wanted).
     */
    private static PostgresqlConnectionConfiguration.Builder withDriverOptions(PostgresConnectionConfig config,
            Map<String, Object> driver, List<HostList.HostPort> hosts, boolean multiHost) {
        ConnectionFactoryOptions.Builder o = ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, PostgresqlConnectionFactoryProvider.POSTGRESQL_DRIVER)
                .option(ConnectionFactoryOptions.USER, config.username());
        if (multiHost) {
            o.option(ConnectionFactoryOptions.PROTOCOL, PostgresqlConnectionFactoryProvider.FAILOVER_PROTOCOL)
                    .option(ConnectionFactoryOptions.HOST, hosts.stream().map(HostList.HostPort::authority)
                            .collect(Collectors.joining(",")));
        } else {
            o.option(ConnectionFactoryOptions.HOST, hosts.get(0).host()).option(ConnectionFactoryOptions.PORT, hosts.get(0).port());
        }
        driver.forEach((name, value) -> o.option(Option.valueOf(name), value));
        try {
            return PostgresqlConnectionFactoryProvider.builder(o.build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid r2dbc-postgresql driver option among " + driver.keySet() + ": " + e.getMessage(), e);
        }
    }

    /** A new pool's name, as errors and JMX show it. */
    static String nextPoolName() {
        return "pgrecord-r2dbc-" + POOL_IDS.incrementAndGet();
    }

    static ConnectionPoolConfiguration pool(PostgresConnectionConfig config, String name) {
        Duration timeout = config.poolTimeout();
        return ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(connection(config)))
                .name(name)
                .initialSize(config.poolMinSize())
                .minIdle(config.poolMinSize())
                .maxSize(config.poolMaxSize())
                // the acquisition timeout is ObservedConnectionFactory's (see acquire)
                .maxCreateConnectionTime(timeout)
                // checkout only checks that the socket is open; ObservedConnectionFactory adds a
                // round trip after 500 ms idle or a connection loss
                .validationDepth(ValidationDepth.LOCAL)
                // no retry here: the pool retries every failure, timeouts included, so each retry
                // would wait maxAcquireTime again. ObservedConnectionFactory.acquire() retries the
                // fast failures (a dead connection, e.g. after a server restart) within one
                // poolTimeout and never a timeout
                .acquireRetry(0)
                .build();
    }

    private static TargetServerType targetServerType(String attrs) {
        return switch (attrs) {
            case "read-write", "primary" -> TargetServerType.PRIMARY;
            case "read-only", "standby" -> TargetServerType.SECONDARY;
            case "prefer-standby" -> TargetServerType.PREFER_SECONDARY;
            default -> TargetServerType.ANY;
        };
    }
}
