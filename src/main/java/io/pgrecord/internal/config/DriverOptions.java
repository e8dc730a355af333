package io.pgrecord.internal.config;

import io.pgrecord.internal.jdbc.PgjdbcProperties;
import io.pgrecord.internal.r2dbc.R2dbcOptionNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Driver properties passed through {@code driverOption(name, value)}: each name is checked
 * against the drivers' own lists, pgjdbc's ({@link PgjdbcProperties}) and r2dbc-postgresql's
 * ({@link R2dbcOptionNames}), and goes to the driver
 * that knows it; a name both know goes to both.
 */
public final class DriverOptions {

    /**
     * Properties that pgrecord sets from a connection option; the option is the one place for
     * them. Both drivers' {@code ssl} is a second spelling of sslmode, which pgrecord always sets
     * and which wins over it: accepted, it was ignored.
     */
    private static final Map<String, String> OPTION_OF = Map.ofEntries(
            Map.entry("sslmode", "sslmode"), Map.entry("sslMode", "sslmode"), Map.entry("ssl", "sslmode"),
            Map.entry("sslrootcert", "sslrootcert"), Map.entry("sslRootCert", "sslrootcert"),
            Map.entry("sslcert", "sslcert"), Map.entry("sslCert", "sslcert"),
            Map.entry("sslkey", "sslkey"), Map.entry("sslKey", "sslkey"),
            Map.entry("connectTimeout", "connect_timeout"),
            Map.entry("ApplicationName", "application_name"), Map.entry("applicationName", "application_name"),
            Map.entry("currentSchema", "search_path"), Map.entry("schema", "search_path"),
            Map.entry("statementTimeout", "statement_timeout"),
            Map.entry("lockWaitTimeout", "lock_timeout"),
            Map.entry("targetServerType", "target_session_attrs"),
            Map.entry("loadBalanceHosts", "load_balance_hosts"),
            Map.entry("options", "search_path, statement_timeout or lock_timeout"));

    /** Properties that pgrecord's own behaviour depends on, or that the builder sets. */
    private static final Map<String, String> RESERVED = Map.ofEntries(
            Map.entry("stringtype", "pgrecord binds strings untyped (stringtype=unspecified) on every connection"),
            Map.entry("binaryTransferDisable", "pgrecord reads timetz and bytea as text"),
            // r2dbc-postgresql's: every result column in binary, which its codecs do not read as
            // text (a jsonb read as String keeps the format's version byte)
            Map.entry("forceBinary", "pgrecord's reactive path reads jsonb, inet, enums, ranges, bit strings, macaddr"
                    + " and its other text-carried types as text, which binary results of those types would break"),
            Map.entry("user", "set username(...)"), Map.entry("password", "set password(...)"),
            Map.entry("PGHOST", "set host(...)"), Map.entry("host", "set host(...)"),
            Map.entry("PGPORT", "set port(...)"), Map.entry("port", "set port(...)"),
            Map.entry("PGDBNAME", "set database(...)"), Map.entry("database", "set database(...)"),
            Map.entry("driver", "pgrecord chooses the driver"), Map.entry("protocol", "pgrecord chooses the driver"),
            // pgjdbc's: it would look the service up again, on the blocking backend only, beside pgrecord's own reading
            Map.entry("service", "pgrecord reads the connection service file itself, for both backends:"
                    + " give service=name in the URL of fromUrl(...)"));

    private static volatile Set<String> pgjdbc;
    private static volatile Set<String> r2dbc;

    private DriverOptions() {
    }

    /**
     * Checks every driver option and returns them, in order.
     *
     * @throws IllegalArgumentException naming the property when neither driver knows it, when
     *     it duplicates a connection option or when pgrecord sets it itself
     */
    public static Map<String, Object> validate(Map<String, Object> raw) {
        Map<String, Object> checked = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (OPTION_OF.containsKey(name)) {
                throw new IllegalArgumentException("driver option '" + name + "' duplicates the connection option "
                        + OPTION_OF.get(name) + "; set that with option(...) instead");
            }
            if (RESERVED.containsKey(name)) {
                throw new IllegalArgumentException("driver option '" + name + "' cannot be set: " + RESERVED.get(name));
            }
            if (!pgjdbc().contains(name) && !r2dbc().contains(name)) {
                // no value in the message: a misspelt password option would carry the password into logs
                throw new IllegalArgumentException("unknown driver option '" + name
                        + "': neither pgjdbc nor r2dbc-postgresql has a property of that name (names are case-sensitive);"
                        + " pgjdbc: " + String.join(", ", allowed(pgjdbc())) + "; r2dbc-postgresql: " + String.join(", ", allowed(r2dbc())));
            }
            if (value == null) {
                throw new IllegalArgumentException("driver option '" + name + "' must not be null");
            }
            if (value instanceof CharSequence s && s.toString().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("driver option '" + name + "' must not contain a NUL character");
            }
            checked.put(name, value);
        });
        return Collections.unmodifiableMap(checked);
    }

    /** Whether some driver has a property of this name: a URL parameter that is no connection option may be one. */
    public static boolean isDriverProperty(String name) {
        return pgjdbc().contains(name) || r2dbc().contains(name);
    }

    /** The options pgjdbc knows, as the strings its properties take. */
    public static Map<String, String> forPgjdbc(Map<String, Object> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            if (pgjdbc().contains(name)) {
                out.put(name, value.toString());
            }
        });
        return out;
    }

    /** The options r2dbc-postgresql knows, values as given: its provider parses text itself. */
    public static Map<String, Object> forR2dbc(Map<String, Object> options) {
        Map<String, Object> out = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            if (r2dbc().contains(name)) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static Set<String> allowed(Set<String> names) {
        Set<String> allowed = new TreeSet<>(names);
        allowed.removeAll(OPTION_OF.keySet());
        allowed.removeAll(RESERVED.keySet());
        return allowed;
    }

    private static Set<String> pgjdbc() {
        Set<String> names = pgjdbc;
        if (names == null) {
            try {
                names = PgjdbcProperties.all();
            } catch (NoClassDefFoundError e) {
                names = Set.of();   // pgjdbc is not on the class path: none of its names is known
            }
            pgjdbc = names;
        }
        return names;
    }

    private static Set<String> r2dbc() {
        Set<String> names = r2dbc;
        if (names == null) {
            try {
                names = R2dbcOptionNames.all();
            } catch (NoClassDefFoundError e) {
                names = Set.of();   // r2dbc-postgresql is not on the class path: none of its names is known
            }
            r2dbc = names;
        }
        return names;
    }
}
