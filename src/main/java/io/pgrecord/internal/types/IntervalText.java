package io.pgrecord.internal.types;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code interval} output in each of PostgreSQL's four {@code IntervalStyle}s, so a value
 * reads the same whatever the session's setting:
 * <ul>
 *   <li>{@code postgres}: {@code -1 years -2 mons +3 days -04:05:06.000007};</li>
 *   <li>{@code postgres_verbose}: {@code @ 1 year 2 mons -3 days 4 hours 5 mins 6.000007 secs ago};</li>
 *   <li>{@code sql_standard}: {@code -1-2 +3 -4:05:06.000007}, or {@code -1 2:03:04} where the one
 *       leading sign applies to every part;</li>
 *   <li>{@code iso_8601}: {@code P-1Y-2M3DT-4H-5M-6.000007S}.</li>
 * </ul>
 */
final class IntervalText {

    private static final Pattern ISO = Pattern.compile(
            "P(?:([+-]?\\d+)Y)?(?:([+-]?\\d+)M)?(?:([+-]?\\d+)W)?(?:([+-]?\\d+)D)?"
                    + "(?:T(?:([+-]?\\d+)H)?(?:([+-]?\\d+)M)?(?:([+-]?\\d+(?:\\.\\d*)?)S)?)?");
    private static final Pattern TIME = Pattern.compile("([+-]?)(\\d+):(\\d+)(?::(\\d+(?:\\.\\d*)?))?");
    private static final Pattern YEAR_MONTH = Pattern.compile("([+-]?)(\\d+)-(\\d+)");

    private IntervalText() {
    }

    static PgInterval parse(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("@")) {
                return verbose(t.substring(1).strip());
            }
            if (t.startsWith("P")) {
                return iso(t);
            }
            List<String> tokens = List.of(t.split("\\s+"));
            boolean words = tokens.stream().anyMatch(s -> Character.isLetter(s.charAt(s.length() - 1)));
            return words ? postgres(tokens) : sqlStandard(tokens);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid interval text: \"" + text + "\"", e);
        }
    }

    private static PgInterval postgres(List<String> tokens) {
        Parts p = new Parts(1);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.indexOf(':') >= 0) {
                p.micros = Math.addExact(p.micros, time(token));
            } else {
                p.add(token, tokens.get(++i));
            }
        }
        return p.done();
    }

    private static PgInterval verbose(String body) {
        String[] tokens = body.split("\\s+");
        int n = tokens.length;
        boolean ago = n > 0 && tokens[n - 1].equals("ago");
        // "ago" negates every part; each is negated as it is added, so the most negative
        // interval (-2562047788:00:54.775808) does not pass through an overflowing positive sum
        Parts p = new Parts(ago ? -1 : 1);
        int end = ago ? n - 1 : n;
        if (end == 1 && tokens[0].equals("0")) {
            return new PgInterval(0, 0, 0);
        }
        for (int i = 0; i < end; i += 2) {
            p.add(tokens[i], tokens[i + 1]);
        }
        return p.done();
    }

    private static PgInterval sqlStandard(List<String> tokens) {
        boolean moreSigns = tokens.stream().skip(1).anyMatch(s -> s.startsWith("-") || s.startsWith("+"));
        boolean negateAll = tokens.get(0).startsWith("-") && !moreSigns;
        long months = 0;
        long days = 0;
        long micros = 0;
        for (String raw : tokens) {
            // under a lone leading sign every part is negative: give each its own sign
            String token = negateAll ? "-" + (raw.startsWith("-") ? raw.substring(1) : raw) : raw;
            Matcher ym = YEAR_MONTH.matcher(token);
            if (token.indexOf(':') >= 0) {
                micros = time(token);
            } else if (ym.matches()) {
                long m = Math.addExact(Math.multiplyExact(Long.parseLong(ym.group(2)), 12), Long.parseLong(ym.group(3)));
                months = ym.group(1).equals("-") ? -m : m;
            } else {
                days = Long.parseLong(token);
            }
        }
        return new PgInterval(months, days, micros);
    }

    private static PgInterval iso(String t) {
        Matcher m = ISO.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ISO 8601 interval");
        }
        long months = Math.addExact(Math.multiplyExact(num(m.group(1)), 12), num(m.group(2)));
        long days = Math.addExact(Math.multiplyExact(num(m.group(3)), 7), num(m.group(4)));
        long micros = Math.addExact(Math.addExact(Math.multiplyExact(num(m.group(5)), 3_600_000_000L),
                Math.multiplyExact(num(m.group(6)), 60_000_000L)), m.group(7) == null ? 0 : seconds(m.group(7)));
        return new PgInterval(months, days, micros);
    }

    private static long num(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }

    /** {@code [+-]H:MM[:SS[.ffffff]]} in microseconds. */
    private static long time(String token) {
        // before 15 the server prints a time part of exactly -2^31 hours as "--2147483648:00:00"
        Matcher m = TIME.matcher(token.startsWith("--") ? token.substring(1) : token);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad time part " + token);
        }
        // summed with the sign, so -2562047788:00:54.775808 (Long.MIN_VALUE) does not overflow
        long sign = m.group(1).equals("-") ? -1 : 1;
        long micros = Math.multiplyExact(sign * Long.parseLong(m.group(2)), 3_600_000_000L);
        micros = Math.addExact(micros, sign * Long.parseLong(m.group(3)) * 60_000_000L);
        return m.group(4) == null ? micros : Math.addExact(micros, sign * seconds(m.group(4)));
    }

    /** Signed decimal seconds in microseconds; the server prints at most six fraction digits. */
    private static long seconds(String s) {
        boolean negative = s.startsWith("-");
        String abs = negative || s.startsWith("+") ? s.substring(1) : s;
        int dot = abs.indexOf('.');
        long whole = Long.parseLong(dot < 0 ? abs : abs.substring(0, dot));
        String fraction = dot < 0 ? "" : (abs.substring(dot + 1) + "000000").substring(0, 6);
        long micros = Math.addExact(Math.multiplyExact(whole, 1_000_000L), fraction.isEmpty() ? 0 : Long.parseLong(fraction));
        return negative ? -micros : micros;
    }

    /** Accumulates {@code <number> <unit>} pairs. */
    private static final class Parts {
        /** 1, or -1 when every part is negated ({@code ago}). */
        final long sign;
        long months;
        long days;
        long micros;

        Parts(long sign) {
            this.sign = sign;
        }

        void add(String number, String unit) {
            String u = unit.toLowerCase(Locale.ROOT);
            if (u.startsWith("sec")) {
                micros = Math.addExact(micros, sign * seconds(number));
                return;
            }
            long n = sign * Long.parseLong(number);
            if (u.startsWith("year")) {
                months = Math.addExact(months, Math.multiplyExact(n, 12));
            } else if (u.startsWith("mon")) {
                months = Math.addExact(months, n);
            } else if (u.startsWith("day")) {
                days = Math.addExact(days, n);
            } else if (u.startsWith("hour")) {
                micros = Math.addExact(micros, Math.multiplyExact(n, 3_600_000_000L));
            } else if (u.startsWith("min")) {
                micros = Math.addExact(micros, Math.multiplyExact(n, 60_000_000L));
            } else {
                throw new IllegalArgumentException("unknown unit " + unit);
            }
        }

        PgInterval done() {
            return new PgInterval(months, days, micros);
        }
    }
}
