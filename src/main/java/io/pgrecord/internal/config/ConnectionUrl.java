package io.pgrecord.internal.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a libpq-style connection URI:
 * {@code postgresql://user:secret@host:5432/db?sslmode=require}, or with several hosts
 * ({@code h1:5432,h2:5433}), which stay one host list. The schemes {@code postgres},
 * {@code jdbc:postgresql} and {@code r2dbc:postgresql} are accepted as well. A query parameter
 * given twice is refused, rather than one value silently winning.
 */
public record ConnectionUrl(
        @Nullable String host,
        @Nullable Integer port,
        @Nullable String database,
        @Nullable String username,
        @Nullable String password,
        Map<String, String> parameters) {

    /** The parameters that take several values, as one comma-separated list. */
    private static final Set<String> LISTS = Set.of("replicas", "host");

    private static final String[] SCHEMES = {
        "postgresql://", "postgres://", "jdbc:postgresql://", "r2dbc:postgresql://", "r2dbc:postgres://"
    };

    public static ConnectionUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("connection URL must not be empty; expected postgresql://user:password@host:port/database");
        }
        String rest = null;
        for (String scheme : SCHEMES) {
            if (url.regionMatches(true, 0, scheme, 0, scheme.length())) {
                rest = url.substring(scheme.length());
                break;
            }
        }
        if (rest == null) {
            throw new IllegalArgumentException("invalid connection URL scheme in '" + redact(url)
                    + "'; expected postgresql://, postgres:// or jdbc:postgresql://");
        }
        Map<String, String> params = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            parseQuery(rest.substring(q + 1), params, url);
            rest = rest.substring(0, q);
        }
        String database = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            database = emptyToNull(decode(rest.substring(slash + 1)));
            rest = rest.substring(0, slash);
        }
        String username = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            username = emptyToNull(decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo));
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        if (HostList.isList(rest)) {
            // several hosts: kept as a list, validated with the builder's host()
            return new ConnectionUrl(emptyToNull(decode(rest)), null, database, username, password, params);
        }
        String host = rest;
        Integer port = null;
        int portSep = rest.startsWith("[") ? rest.indexOf("]:") + 1 : rest.lastIndexOf(':');
        if (portSep > 0) {
            host = rest.substring(0, portSep);
            port = parsePort(rest.substring(portSep + 1), url);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ConnectionUrl(emptyToNull(decode(host)), port, database, username, password, params);
    }

    private static void parseQuery(String query, Map<String, String> params, String url) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("invalid parameter '" + pair.split("=", 2)[0]
                        + "' in connection URL '" + redact(url) + "'; expected name=value");
            }
            String name = decode(pair.substring(0, eq));
            if (params.putIfAbsent(name, decode(pair.substring(eq + 1))) != null) {
                // one value would silently win over the other
                throw new IllegalArgumentException("parameter '" + name + "' appears more than once in connection URL '"
                        + redact(url) + "'; " + (LISTS.contains(name)
                                ? "list every value comma-separated in one parameter, e.g. " + name + "=a:5432,b:5433"
                                : "give it once"));
            }
        }
    }

    private static Integer parsePort(String text, String url) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port '" + text + "' in connection URL '" + redact(url)
                    + "'; allowed values: 1..65535", e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static @Nullable String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The URL with any password replaced, safe for messages. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/?#@]*:)[^@/?#]*@", "$1****@")
                .replaceAll("(?i)([?&]password=)[^&]*", "$1****");
    }
}
