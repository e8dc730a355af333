package io.pgrecord.internal.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The hosts of one server role, as libpq takes them: {@code a}, {@code a:5433},
 * {@code a:5432,b:5433} or {@code [::1]:5432}; a host without a port uses the default port.
 * A bare IPv6 address (several colons, no brackets) is one host.
 */
public final class HostList {

    /** One host and its port. */
    public record HostPort(String host, int port) {

        /** {@code host:port}, the host bracketed when it is an IPv6 address. */
        public String authority() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private HostList() {
    }

    /** Parses and validates; the error names the entry, the whole list and what is allowed. */
    public static List<HostPort> parse(String hosts, int defaultPort) {
        if (hosts == null || hosts.isBlank()) {
            throw new IllegalArgumentException("invalid host '" + hosts + "'; a host name or address is required");
        }
        List<HostPort> list = new ArrayList<>();
        for (String entry : hosts.split(",", -1)) {
            list.add(entry(entry.trim(), hosts, defaultPort));
        }
        return List.copyOf(list);
    }

    /** Whether the text names more than one host. */
    public static boolean isList(String hosts) {
        return hosts.indexOf(',') >= 0;
    }

    private static HostPort entry(String entry, String all, int defaultPort) {
        String host = entry;
        String port = null;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0 || (close + 1 < entry.length() && entry.charAt(close + 1) != ':')) {
                throw invalid(entry, all, "an IPv6 address goes in brackets: [::1]:5432");
            }
            host = entry.substring(1, close);
            port = close + 1 < entry.length() ? entry.substring(close + 2) : null;
        } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
            host = entry.substring(0, entry.indexOf(':'));
            port = entry.substring(entry.indexOf(':') + 1);
        }
        if (host.isBlank() || host.contains(" ")) {
            throw invalid(entry, all, "a host name or address is required for each entry");
        }
        return new HostPort(host, port == null ? defaultPort : port(port, entry, all));
    }

    private static int port(String text, String entry, String all) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(entry, all, "allowed ports: 1..65535");
        }
        if (port < 1 || port > 65535) {
            throw invalid(entry, all, "allowed ports: 1..65535");
        }
        return port;
    }

    private static IllegalArgumentException invalid(String entry, String all, String allowed) {
        return new IllegalArgumentException("invalid host '" + entry + "'"
                + (entry.equals(all) ? "" : " in host list '" + all + "'") + "; " + allowed);
    }
}
