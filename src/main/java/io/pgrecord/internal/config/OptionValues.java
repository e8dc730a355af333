package io.pgrecord.internal.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates and normalises the connection options of {@code PostgresConnectionConfig}. Every
 * rejection is an {@link IllegalArgumentException} naming the option, the rejected value and
 * what is allowed.
 */
public final class OptionValues {

    public static final List<String> SSL_MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    public static final List<String> TARGET_SESSION_ATTRS =
            List.of("any", "read-write", "read-only", "primary", "standby", "prefer-standby");
    public static final List<String> LOAD_BALANCE_HOSTS = List.of("disable", "random");

    /** Option name to its kind; the pool aliases are folded into the pool settings. */
    private static final Map<String, Kind> KNOWN = new TreeMap<>(Map.ofEntries(
            Map.entry("sslmode", Kind.SSL_MODE),
            Map.entry("sslrootcert", Kind.TEXT),
            Map.entry("sslcert", Kind.TEXT),
            Map.entry("sslkey", Kind.TEXT),
            Map.entry("connect_timeout", Kind.SECONDS),
            Map.entry("application_name", Kind.TEXT),
            Map.entry("client_encoding", Kind.ENCODING),
            Map.entry("search_path", Kind.TEXT),
            Map.entry("target_session_attrs", Kind.TARGET),
            Map.entry("load_balance_hosts", Kind.LOAD_BALANCE),
            Map.entry("statement_timeout", Kind.MILLIS),
            Map.entry("lock_timeout", Kind.MILLIS),
            Map.entry("pool_min_size", Kind.COUNT),
            Map.entry("pool_max_size", Kind.COUNT),
            Map.entry("pool_timeout", Kind.SECONDS)));

    private enum Kind { TEXT, SSL_MODE, TARGET, LOAD_BALANCE, ENCODING, SECONDS, MILLIS, COUNT }

    private OptionValues() {
    }

    /** Whether this is one of the connection options (not a driver property). */
    public static boolean isOption(String name) {
        return KNOWN.containsKey(name);
    }

    /**
     * Returns the canonical value of an option: a lower-case {@code String} for enumerated
     * options, a {@link Duration} for timeouts, an {@code Integer} for pool sizes and the
     * text itself otherwise.
     */
    public static Object normalize(String name, Object value) {
        Kind kind = KNOWN.get(name);
        if (kind == null) {
            // no value in the message: a misspelt password option would carry the password into logs
            throw new IllegalArgumentException("unknown connection option '" + name + "'; allowed options: "
                    + String.join(", ", KNOWN.keySet()));
        }
        if (value == null) {
            throw new IllegalArgumentException("connection option '" + name + "' must not be null");
        }
        return switch (kind) {
            case TEXT -> text(name, value);
            case SSL_MODE -> oneOf(name, value, SSL_MODES);
            case TARGET -> oneOf(name, value, TARGET_SESSION_ATTRS);
            case LOAD_BALANCE -> oneOf(name, value, LOAD_BALANCE_HOSTS);
            case ENCODING -> encoding(name, value);
            case SECONDS -> duration(name, value, "seconds", false);
            case MILLIS -> duration(name, value, "milliseconds", true);
            case COUNT -> count(name, value);
        };
    }

    private static String text(String name, Object value) {
        String s = value.toString();
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("connection option '" + name + "' must not contain a NUL character");
        }
        return s;
    }

    private static String oneOf(String name, Object value, List<String> allowed) {
        String s = value.toString().trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(s)) {
            throw new IllegalArgumentException("invalid " + name + " '" + value + "'; allowed values: "
                    + String.join(", ", allowed));
        }
        return s;
    }

    /** Both drivers speak UTF-8 only, so any other client encoding would corrupt text. */
    private static String encoding(String name, Object value) {
        String s = value.toString().trim().toUpperCase(Locale.ROOT).replace("-", "");
        if (!s.equals("UTF8")) {
            throw new IllegalArgumentException("invalid " + name + " '" + value
                    + "'; allowed values: UTF8 (pgjdbc and r2dbc-postgresql exchange text as UTF-8 only)");
        }
        return "UTF8";
    }

    private static Duration duration(String name, Object value, String unit, boolean millis) {
        if (value instanceof Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("invalid " + name + " '" + d + "'; must not be negative");
            }
            return d;
        }
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal
                || value instanceof String text && text.indexOf('.') >= 0) {
            // a fraction of the unit (pool_timeout=2.5), as Python configs and libpq-style URLs write it
            return fraction(name, value, unit, millis);
        }
        long amount = wholeNumber(name, value, unit);
        return millis ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    }

    private static Duration fraction(String name, Object value, String unit, boolean millis) {
        java.math.BigDecimal amount;
        try {
            amount = new java.math.BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + name + " '" + value + "'; expected a number of " + unit
                    + " or a java.time.Duration", e);
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("invalid " + name + " '" + value + "'; must not be negative");
        }
        java.math.BigDecimal nanos = amount.movePointRight(millis ? 6 : 9);
        if (nanos.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("invalid " + name + " '" + value + "'; too large");
        }
        return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    private static int count(String name, Object value) {
        long n = wholeNumber(name, value, "a count");
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("invalid " + name + " '" + value + "'; too large");
        }
        return (int) n;
    }

    private static long wholeNumber(String name, Object value, String unit) {
        long n;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            n = ((Number) value).longValue();
        } else if (value instanceof String s) {
            try {
                n = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid " + name + " '" + value
                        + "'; expected a whole number of " + unit + " or a java.time.Duration", e);
            }
        } else {
            throw new IllegalArgumentException("invalid " + name + " '" + value + "' of type "
                    + value.getClass().getName() + "; expected a whole number of " + unit + " or a java.time.Duration");
        }
        if (n < 0) {
            throw new IllegalArgumentException("invalid " + name + " '" + value + "'; must not be negative");
        }
        return n;
    }
}
