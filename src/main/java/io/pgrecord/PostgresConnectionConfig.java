package io.pgrecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.internal.config.ConnectionUrl;
import io.pgrecord.internal.config.DriverOptions;
import io.pgrecord.internal.config.HostList;
import io.pgrecord.internal.config.OptionValues;
import io.pgrecord.internal.config.PgPass;
import io.pgrecord.internal.config.PgService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.pgrecord.internal.types.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a PostgreSQL server, and how large a pool to keep. Immutable and thread-safe;
 * validated when built, so a bad value fails at {@link Builder#build()}, {@link #fromUrl(String)}
 * or {@link #fromEnvironment()} with an {@link IllegalArgumentException} that names the field,
 * the rejected value and the allowed values.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=config}
 *
 * <p>Options, with their units: {@code sslmode} (disable, allow, prefer, require, verify-ca,
 * verify-full), {@code sslrootcert}, {@code sslcert}, {@code sslkey}, {@code connect_timeout}
 * (seconds), {@code application_name}, {@code client_encoding} (UTF8 only: both drivers speak
 * UTF-8), {@code search_path}, {@code target_session_attrs}, {@code load_balance_hosts}
 * (disable, random), {@code statement_timeout} and
 * {@code lock_timeout} (milliseconds), and the aliases {@code pool_min_size},
 * {@code pool_max_size} and {@code pool_timeout} (seconds). A {@link Duration} is accepted for
 * any timeout. {@link #toString()} never shows the password.
 */
public final class PostgresConnectionConfig {

    private static final Duration MIN_POOL_TIMEOUT = Duration.ofMillis(250);
    private static final Duration DEFAULT_READ_YOUR_WRITES = Duration.ofMillis(500);
    private static final Duration DEFAULT_MAX_REPLICA_LAG = Duration.ofSeconds(5);
    /** The routing tracks which replicas a read has tried in one {@code long}. */
    private static final int MAX_REPLICAS = 64;

    private final String host;
    private final int port;
    private final String database;
    private final String username;
    private final @Nullable String password;
    private final Map<String, Object> options;
    private final int poolMinSize;
    private final int poolMaxSize;
    private final Duration poolTimeout;
    private final ObjectMapper jsonMapper;
    private final Map<String, Object> driverOptions;
    private final boolean strictLoading;
    private final int nPlusOneThreshold;
    private final List<PostgresConnectionConfig> replicas;
    // the URL's replicas= list, whose replicas follow the primary's settings in toBuilder()
    private final @Nullable String replicaHosts;
    private final int builtReplicas;
    private final Duration readYourWrites;
    private final Duration maxReplicaLag;
    private final @Nullable Duration slowStatementThreshold;
    private final Set<String> sensitiveColumns;
    // typed Object so that this class loads without Micrometer on the class path
    private final @Nullable Object meterRegistry;
    private final @Nullable Object observationRegistry;

    private PostgresConnectionConfig(Builder b, Map<String, Object> options, int poolMin, int poolMax, Duration poolTimeout,
            List<PostgresConnectionConfig> replicas, @Nullable String replicaHosts) {
        this.host = b.host;
        this.port = b.port;
        this.database = b.database;
        this.username = b.username;
        this.password = b.password;
        this.options = Collections.unmodifiableMap(options);
        this.poolMinSize = poolMin;
        this.poolMaxSize = poolMax;
        this.poolTimeout = poolTimeout;
        this.jsonMapper = b.jsonMapper;
        this.driverOptions = DriverOptions.validate(b.rawDriverOptions);
        this.strictLoading = b.strictLoading;
        this.nPlusOneThreshold = b.nPlusOneThreshold;
        this.replicas = List.copyOf(replicas);
        this.replicaHosts = replicaHosts;
        this.builtReplicas = replicaHosts == null ? this.replicas.size() : b.replicas.size();
        this.readYourWrites = b.readYourWrites;
        this.maxReplicaLag = b.maxReplicaLag;
        this.slowStatementThreshold = b.slowStatementThreshold;
        this.sensitiveColumns = Collections.unmodifiableSet(new LinkedHashSet<>(b.sensitiveColumns));
        this.meterRegistry = b.meterRegistry;
        this.observationRegistry = b.observationRegistry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a libpq-style URI, e.g. {@code postgresql://user:secret@localhost:5432/mydb?sslmode=prefer},
     * or with several hosts, {@code postgresql://u:p@h1:5432,h2:5433/db?target_session_attrs=read-write}.
     * Query parameters are options; {@code user}, {@code password}, {@code host}, {@code port}
     * and {@code dbname} are accepted there too, as libpq does; {@code replicas=h3:5434,h4:5435}
     * lists replicas sharing the primary's user, password, database and options
     * ({@link Builder#replica(PostgresConnectionConfig)}); any other parameter is a driver
     * property ({@link Builder#driverOption(String, Object)}), e.g. {@code ?prepareThreshold=0}.
     * A parameter given twice is refused: several replicas are one comma-separated list.
     * {@code service=name} reads libpq's connection service file ({@code servicefile=}, else
     * {@code PGSERVICEFILE}, else {@code ~/.pg_service.conf}, then {@code PGSYSCONFDIR}'s
     * {@code pg_service.conf}): its section's settings apply where the URL says nothing, on both
     * backends; an unknown service, or a bad setting in it, is refused naming the file and line.
     */
    public static PostgresConnectionConfig fromUrl(String url) {
        return fromUrl(url, System::getenv);
    }

    /**
     * As {@link #fromUrl(String)}, finding a {@code service=}'s file through the given lookup
     * ({@code PGSERVICEFILE}, {@code PGSYSCONFDIR}) instead of the process environment.
     */
    public static PostgresConnectionConfig fromUrl(String url, Function<String, @Nullable String> env) {
        ConnectionUrl u = ConnectionUrl.parse(url);
        Builder b = builder();
        Map<String, String> parameters = new LinkedHashMap<>(u.parameters());
        String service = parameters.remove("service");
        String servicefile = parameters.remove("servicefile");
        if (service != null) {
            // what the URL says itself overrides the service's settings, as in libpq
            b.service(service, servicefile, env);
        } else if (servicefile != null) {
            throw new IllegalArgumentException("invalid servicefile '" + servicefile
                    + "' in connection URL: no service= names a service to read from it");
        }
        if (u.host() != null) {
            b.host(u.host());
        }
        if (u.port() != null) {
            b.port(u.port());
        }
        if (u.database() != null) {
            b.database = u.database();
        }
        if (u.username() != null) {
            b.username = u.username();
        }
        if (u.password() != null) {
            b.password = u.password();
        }
        parameters.forEach((name, value) -> b.setting(name, value, false));
        return b.build();
    }

    /**
     * Reads the libpq environment variables: {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE},
     * {@code PGUSER}, {@code PGPASSWORD}, {@code PGSSLMODE}, {@code PGSSLROOTCERT},
     * {@code PGSSLCERT}, {@code PGSSLKEY}, {@code PGAPPNAME}, {@code PGCONNECT_TIMEOUT},
     * {@code PGCLIENTENCODING}, {@code PGTARGETSESSIONATTRS}, {@code PGLOADBALANCEHOSTS},
     * {@code PGPASSFILE} (read as {@code passfile=} in {@link #fromUrl(String)} is) and
     * {@code PGSERVICE}, whose service's settings override the other variables, as in libpq.
     */
    public static PostgresConnectionConfig fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /** As {@link #fromEnvironment()}, reading the variables from the given lookup. */
    public static PostgresConnectionConfig fromEnvironment(Function<String, @Nullable String> env) {
        Builder b = builder();
        ifSet(env, "PGHOST", b::host);
        ifSet(env, "PGPORT", v -> b.port(parsePort(v, "PGPORT")));
        ifSet(env, "PGDATABASE", v -> b.database = v);
        ifSet(env, "PGUSER", v -> b.username = v);
        ifSet(env, "PGPASSWORD", v -> b.password = v);
        ifSet(env, "PGPASSFILE", v -> b.passfile = v);
        ifSet(env, "PGSSLMODE", v -> b.option("sslmode", v));
        ifSet(env, "PGSSLROOTCERT", v -> b.option("sslrootcert", v));
        ifSet(env, "PGSSLCERT", v -> b.option("sslcert", v));
        ifSet(env, "PGSSLKEY", v -> b.option("sslkey", v));
        ifSet(env, "PGAPPNAME", v -> b.option("application_name", v));
        ifSet(env, "PGCONNECT_TIMEOUT", v -> b.option("connect_timeout", v));
        ifSet(env, "PGCLIENTENCODING", v -> b.option("client_encoding", v));
        ifSet(env, "PGTARGETSESSIONATTRS", v -> b.option("target_session_attrs", v));
        ifSet(env, "PGLOADBALANCEHOSTS", v -> b.option("load_balance_hosts", v));
        // a service's settings override the other variables, as in libpq
        ifSet(env, "PGSERVICE", v -> b.service(v, null, env));
        if (b.database == null) {
            throw new IllegalArgumentException("missing database: set PGDATABASE, or dbname in the service PGSERVICE names");
        }
        return b.build();
    }

    private static void ifSet(Function<String, @Nullable String> env, String name, java.util.function.Consumer<String> sink) {
        String value = env.apply(name);
        if (value != null && !value.isEmpty()) {
            sink.accept(value);
        }
    }

    private static int parsePort(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port '" + text + "' from " + what + "; allowed values: 1..65535", e);
        }
    }

    /** A builder holding this configuration's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = builder().host(host).port(port).database(database).username(username)
                .poolMinSize(poolMinSize).poolMaxSize(poolMaxSize).poolTimeout(poolTimeout);
        b.password = password;
        b.jsonMapper = jsonMapper;
        b.strictLoading(strictLoading).nPlusOneThreshold(nPlusOneThreshold);
        b.slowStatementThreshold = slowStatementThreshold;
        b.sensitiveColumns.addAll(sensitiveColumns);
        b.meterRegistry = meterRegistry;
        b.observationRegistry = observationRegistry;
        options.forEach(b::option);
        driverOptions.forEach(b::driverOption);
        replicas.subList(0, builtReplicas).forEach(b::replica);
        b.replicaHosts = replicaHosts;
        return b.readYourWrites(readYourWrites).maxReplicaLag(maxReplicaLag);
    }

    /** The host, or the comma-separated hosts ({@code a:5432,b:5433}) of the primary role. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String username() {
        return username;
    }

    /** The password, or null for none (trust, peer or certificate authentication). */
    public @Nullable String password() {
        return password;
    }

    /**
     * The options in canonical form: enumerated values in lower case, timeouts as
     * {@link Duration}. The pool aliases are not listed; see {@link #poolMinSize()} and friends.
     */
    public Map<String, Object> options() {
        return options;
    }

    /** One option's canonical value, or null when it is not set. */
    public @Nullable Object option(String name) {
        return options.get(name);
    }

    /** The sslmode; {@code prefer} when not set, as in libpq. */
    public String sslMode() {
        return (String) options.getOrDefault("sslmode", "prefer");
    }

    public @Nullable Duration connectTimeout() {
        return (Duration) options.get("connect_timeout");
    }

    public @Nullable Duration statementTimeout() {
        return (Duration) options.get("statement_timeout");
    }

    public @Nullable Duration lockTimeout() {
        return (Duration) options.get("lock_timeout");
    }

    public @Nullable String applicationName() {
        return (String) options.get("application_name");
    }

    public @Nullable String searchPath() {
        return (String) options.get("search_path");
    }

    public int poolMinSize() {
        return poolMinSize;
    }

    public int poolMaxSize() {
        return poolMaxSize;
    }

    /** How long a caller waits for a pooled connection before a {@code ConnectionException}. */
    public Duration poolTimeout() {
        return poolTimeout;
    }

    /**
     * The Jackson mapper of json and jsonb columns: model fields, binds, reads and
     * {@code copyIn}. By default one with the Java time module, ISO dates and unknown
     * properties ignored.
     */
    public ObjectMapper jsonMapper() {
        return jsonMapper;
    }

    /** The driver properties set with {@link Builder#driverOption(String, Object)} or in the URL, in order. */
    public Map<String, Object> driverOptions() {
        return driverOptions;
    }

    /** Whether every model of this backend is in strict-loading mode; see {@link Builder#strictLoading(boolean)}. */
    public boolean strictLoading() {
        return strictLoading;
    }

    /** The N+1 warning's threshold, 0 when it is off; see {@link Builder#nPlusOneThreshold(int)}. */
    public int nPlusOneThreshold() {
        return nPlusOneThreshold;
    }

    /** The replicas that routed reads may use; empty when every statement goes to {@link #host()}. */
    public List<PostgresConnectionConfig> replicas() {
        return replicas;
    }

    /** The longest a routed read waits for a replica to replay the backend's latest commit; 500 ms by default. */
    public Duration readYourWrites() {
        return readYourWrites;
    }

    /** How far behind the primary a replica may be before reads skip it; 5 s by default. */
    public Duration maxReplicaLag() {
        return maxReplicaLag;
    }

    /** Statements that take at least this long are logged at WARN; null for no threshold. */
    public @Nullable Duration slowStatementThreshold() {
        return slowStatementThreshold;
    }

    /**
     * The columns whose bind values the SQL log shows as {@code ***}, besides those of
     * {@link Sensitive} fields; see {@link Builder#sensitiveColumns(String...)}.
     */
    public Set<String> sensitiveColumns() {
        return sensitiveColumns;
    }

    /**
     * The {@code io.micrometer.core.instrument.MeterRegistry} set with
     * {@link Builder#meterRegistry}, or null. Typed {@code Object} so that this class needs no
     * Micrometer on the class path.
     */
    public @Nullable Object meterRegistry() {
        return meterRegistry;
    }

    /**
     * The {@code io.micrometer.observation.ObservationRegistry} set with
     * {@link Builder#observationRegistry}, or null. Typed {@code Object} so that this class needs
     * no Micrometer on the class path.
     */
    public @Nullable Object observationRegistry() {
        return observationRegistry;
    }

    @Override
    public String toString() {
        return "PostgresConnectionConfig{host=" + host + ", port=" + port + ", database=" + database
                + ", username=" + username + ", password=" + (password == null ? "<none>" : "****")
                + ", options=" + options + (driverOptions.isEmpty() ? "" : ", driverOptions=" + driverOptions.keySet())
                + ", pool=" + poolMinSize + ".." + poolMaxSize
                + ", poolTimeout=" + poolTimeout
                + (strictLoading ? ", strictLoading" : "") + (nPlusOneThreshold > 0 ? ", nPlusOneThreshold=" + nPlusOneThreshold : "")
                + (replicas.isEmpty() ? "" : ", replicas=" + replicas.stream().map(r -> r.host() + ":" + r.port()).toList())
                + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresConnectionConfig c && host.equals(c.host) && port == c.port
                && database.equals(c.database) && username.equals(c.username)
                && Objects.equals(password, c.password) && options.equals(c.options)
                && poolMinSize == c.poolMinSize && poolMaxSize == c.poolMaxSize && poolTimeout.equals(c.poolTimeout)
                && jsonMapper == c.jsonMapper && driverOptions.equals(c.driverOptions)
                && strictLoading == c.strictLoading && nPlusOneThreshold == c.nPlusOneThreshold && replicas.equals(c.replicas)
                && readYourWrites.equals(c.readYourWrites) && maxReplicaLag.equals(c.maxReplicaLag)
                && Objects.equals(slowStatementThreshold, c.slowStatementThreshold)
                && sensitiveColumns.equals(c.sensitiveColumns)
                && meterRegistry == c.meterRegistry && observationRegistry == c.observationRegistry;
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, username, options, driverOptions, poolMinSize, poolMaxSize, poolTimeout,
                replicas);
    }

    /** Collects values; {@link #build()} validates them all. Not thread-safe. */
    public static final class Builder {
        private String host = "localhost";
        private int port = 5432;
        private @Nullable String database;
        private @Nullable String username;
        private @Nullable String password;
        /** libpq's password file, read by build() when no password is given. */
        private @Nullable String passfile;
        private final Map<String, Object> rawOptions = new LinkedHashMap<>();
        private final Map<String, Object> rawDriverOptions = new LinkedHashMap<>();
        private @Nullable Integer poolMinSize;
        private @Nullable Integer poolMaxSize;
        private @Nullable Duration poolTimeout;
        private ObjectMapper jsonMapper = Json.MAPPER;
        private boolean strictLoading;
        private int nPlusOneThreshold;
        private final List<PostgresConnectionConfig> replicas = new ArrayList<>();
        private @Nullable String replicaHosts;
        private Duration readYourWrites = DEFAULT_READ_YOUR_WRITES;
        private Duration maxReplicaLag = DEFAULT_MAX_REPLICA_LAG;
        private @Nullable Duration slowStatementThreshold;
        private final Set<String> sensitiveColumns = new LinkedHashSet<>();
        private @Nullable Object meterRegistry;
        private @Nullable Object observationRegistry;

        private Builder() {
        }

        /**
         * The server's host, or several for one role, as libpq takes them:
         * {@code host("a:5432,b:5433")} (a host without a port uses {@link #port(int)}). The driver
         * tries them in order, or in random order with {@code option("load_balance_hosts", "random")},
         * and keeps the first that matches {@code target_session_attrs} (e.g. {@code read-write}
         * to find the primary after a failover).
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder database(String database) {
            this.database = database;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(@Nullable String password) {
            this.password = password;
            return this;
        }

        /** Sets a connection option; see the class documentation for names and units. */
        public Builder option(String name, Object value) {
            rawOptions.put(Objects.requireNonNull(name, "option name"), value);
            return this;
        }

        public Builder poolMinSize(int size) {
            this.poolMinSize = size;
            return this;
        }

        public Builder poolMaxSize(int size) {
            this.poolMaxSize = size;
            return this;
        }

        public Builder poolTimeout(Duration timeout) {
            this.poolTimeout = timeout;
            return this;
        }

        /**
         * Sets a property of the driver: a pgjdbc property ({@code org.postgresql.PGProperty},
         * e.g. {@code prepareThreshold}, {@code tcpKeepAlive}, {@code socketTimeout},
         * {@code service}) reaches the blocking backend, an r2dbc-postgresql option (e.g.
         * {@code preparedStatementCacheQueries}, {@code tcpNoDelay}) the reactive one, and each
         * backend ignores the other driver's names. {@link #build()} refuses a name neither
         * driver knows, and one that duplicates a connection option ({@code connectTimeout}
         * beside {@code connect_timeout}).
         */
        public Builder driverOption(String name, Object value) {
            rawDriverOptions.put(Objects.requireNonNull(name, "driver option name"), value);
            return this;
        }

        /**
         * The Jackson mapper for json and jsonb columns on this backend (see
         * {@link PostgresConnectionConfig#jsonMapper()}); other backends keep their own.
         */
        public Builder jsonMapper(ObjectMapper mapper) {
            this.jsonMapper = Objects.requireNonNull(mapper, "jsonMapper");
            return this;
        }

        /**
         * Strict loading for every model of the backend: reading a relation with {@code get()}
         * that was not loaded by {@code include(...)} raises
         * {@link io.pgrecord.error.LazyLoadException} instead of querying. Off by default.
         */
        public Builder strictLoading(boolean strict) {
            this.strictLoading = strict;
            return this;
        }

        /**
         * Adds a replica (a hot standby of this server) for routed reads: model reads outside a
         * transaction and read-only transactions; see the README's "Replicas and failover".
         * Repeatable, up to 64 replicas. The replica's own pool settings apply to its pool, which
         * waits at most 1 s for a connection.
         */
        public Builder replica(PostgresConnectionConfig replica) {
            Objects.requireNonNull(replica, "replica");
            if (!replica.replicas().isEmpty()) {
                throw new IllegalArgumentException("invalid replica " + replica.host() + ":" + replica.port()
                        + "; a replica cannot have replicas of its own");
            }
            replicas.add(replica);
            return this;
        }

        /**
         * Logs statements that take at least {@code threshold} at WARN on the logger
         * {@code io.pgrecord.sql}, whatever its level is otherwise; null for no threshold (the
         * default). Statements are timed from when they are sent until their rows are read.
         */
        public Builder slowStatementThreshold(@Nullable Duration threshold) {
            if (threshold != null && (threshold.isNegative() || threshold.isZero())) {
                throw new IllegalArgumentException("invalid slowStatementThreshold " + threshold + "; must be positive");
            }
            this.slowStatementThreshold = threshold;
            return this;
        }

        /**
         * Turns on the N+1 warning: the first time {@code threshold} records loaded by one query
         * (or one {@code include(...)} level) each load the same relation lazily, the logger
         * {@code io.pgrecord.loading} logs one WARN naming the model, the relation and the
         * {@code include(...)} that would load it with the query. 0, the default, turns it off.
         */
        public Builder nPlusOneThreshold(int threshold) {
            this.nPlusOneThreshold = threshold;
            return this;
        }

        /**
         * The longest a routed read waits for its replica to replay the latest commit made
         * through the backend, before it reads from the primary instead. Zero never waits.
         */
        public Builder readYourWrites(Duration max) {
            this.readYourWrites = nonNegative(max, "readYourWrites");
            return this;
        }

        /** A replica whose replay is further behind the primary than this is skipped. */
        public Builder maxReplicaLag(Duration max) {
            this.maxReplicaLag = nonNegative(max, "maxReplicaLag");
            return this;
        }

        private static Duration nonNegative(Duration d, String name) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("invalid " + name + " " + d + "; must be zero or more");
            }
            return d;
        }

        /**
         * Column names whose bind values the SQL log shows as {@code ***} (at TRACE, where binds
         * are logged), in any table; the columns of {@link Sensitive} fields are masked anyway.
         * Adds to the names given before. A bind whose column the log cannot tell is masked
         * whenever its statement names such a column.
         */
        public Builder sensitiveColumns(String... columns) {
            for (String c : columns) {
                if (c == null || c.isBlank()) {
                    throw new IllegalArgumentException("invalid sensitive column '" + c + "'; a column name is required");
                }
                sensitiveColumns.add(c);
            }
            return this;
        }

        /**
         * Records the timer {@code pgrecord.statement} (tags {@code model}, {@code operation},
         * {@code outcome}) and the pool's gauges in {@code registry}. Micrometer is an optional
         * dependency: the application that calls this has it.
         */
        @SuppressWarnings("exports")   // Micrometer is optional: module-info requires it static, not transitive
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /**
         * Makes one {@code Observation} per statement ({@code pgrecord.statement}) and per
         * transaction ({@code pgrecord.transaction}) in {@code registry}, which Micrometer
         * Tracing turns into spans.
         */
        @SuppressWarnings("exports")   // as meterRegistry
        public Builder observationRegistry(ObservationRegistry registry) {
            this.observationRegistry = Objects.requireNonNull(registry, "observationRegistry");
            return this;
        }

        /**
         * A setting named as in a URL's query: {@code user}, {@code password}, {@code host},
         * {@code port}, {@code dbname}, {@code replicas}, {@code passfile}, an option, or else a
         * driver property. An option is checked by build(), or now with {@code checkNow}.
         */
        private void setting(String name, String value, boolean checkNow) {
            switch (name) {
                case "user" -> username = value;
                case "password" -> password = value;
                case "host" -> host = value;
                case "dbname" -> database = value;
                case "port" -> port = parsePort(value, "port parameter");
                case "replicas" -> replicaHosts = value;
                case "passfile" -> passfile = value;
                default -> {
                    if (OptionValues.isOption(name) || !DriverOptions.isDriverProperty(name)) {
                        if (checkNow) {
                            OptionValues.normalize(name, value);   // refuses an unknown name, listing the options
                        }
                        option(name, value);
                    } else {
                        driverOption(name, value);
                    }
                }
            }
        }

        /** The settings of libpq service {@code name} (see {@link PgService}), checked now, to say where a bad one is written. */
        private void service(String name, @Nullable String servicefile, Function<String, @Nullable String> env) {
            for (PgService.Setting s : PgService.lookup(name, servicefile, env)) {
                try {
                    setting(s.name(), s.value(), true);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + " (service '" + name + "', " + s.where() + ")", e);
                }
            }
        }

        /** Validates every value and returns the immutable configuration. */
        public PostgresConnectionConfig build() {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("invalid port " + port + "; allowed values: 1..65535");
            }
            List<HostList.HostPort> hosts = HostList.parse(host, port);
            if (database == null || database.isBlank()) {
                throw new IllegalArgumentException("missing database; set database(\"name\")");
            }
            if (username == null || username.isBlank()) {
                username = System.getProperty("user.name");
            }
            if (password == null && passfile != null) {
                HostList.HostPort first = hosts.get(0);
                password = PgPass.lookup(Path.of(passfile), first.host(), first.port(), database, username);
            }
            Map<String, Object> options = new LinkedHashMap<>();
            rawOptions.forEach((name, value) -> options.put(name, OptionValues.normalize(name, value)));
            int min = pick(poolMinSize, options.remove("pool_min_size"), 1);
            int max = pick(poolMaxSize, options.remove("pool_max_size"), 10);
            Duration timeout = pick(poolTimeout, options.remove("pool_timeout"), Duration.ofSeconds(30));
            if (min < 0) {
                throw new IllegalArgumentException("invalid poolMinSize " + min + "; must be 0 or more");
            }
            if (max < 1) {
                throw new IllegalArgumentException("invalid poolMaxSize " + max + "; must be 1 or more");
            }
            if (min > max) {
                throw new IllegalArgumentException("invalid poolMinSize " + min + "; must not exceed poolMaxSize " + max);
            }
            if (timeout == null || timeout.compareTo(MIN_POOL_TIMEOUT) < 0) {
                throw new IllegalArgumentException("invalid poolTimeout " + timeout + "; must be at least 250 ms");
            }
            if (nPlusOneThreshold < 0) {
                throw new IllegalArgumentException("invalid nPlusOneThreshold " + nPlusOneThreshold + "; must be 0 (off) or more");
            }
            if (replicaHosts == null) {
                return new PostgresConnectionConfig(this, options, min, max, timeout, checkCount(replicas), null);
            }
            // replicas named in a URL share everything but the host with the primary, and the
            // primary's target_session_attrs (read-write, say), which a standby never satisfies
            PostgresConnectionConfig primary = new PostgresConnectionConfig(this, options, min, max, timeout, List.of(), null);
            List<PostgresConnectionConfig> all = new ArrayList<>(replicas);
            if (replicaHosts.isBlank()) {
                throw new IllegalArgumentException("invalid replicas parameter: it names no host; give host:port pairs,"
                        + " comma-separated");
            }
            for (HostList.HostPort hp : HostList.parse(replicaHosts, port)) {
                Builder replica = primary.toBuilder().host(hp.host()).port(hp.port());
                if (options.containsKey("target_session_attrs")) {
                    replica.option("target_session_attrs", "any");
                }
                all.add(replica.build());
            }
            return new PostgresConnectionConfig(this, options, min, max, timeout, checkCount(all), replicaHosts);
        }

        private static List<PostgresConnectionConfig> checkCount(List<PostgresConnectionConfig> replicas) {
            if (replicas.size() > MAX_REPLICAS) {
                throw new IllegalArgumentException("invalid replicas: " + replicas.size() + " given; at most "
                        + MAX_REPLICAS + " are allowed");
            }
            return replicas;
        }

        @SuppressWarnings("unchecked")
        private static <V> V pick(@Nullable V explicit, @Nullable Object alias, V fallback) {
            if (explicit != null) {
                return explicit;
            }
            return alias != null ? (V) alias : fallback;
        }
    }
}
