package io.pgrecord.internal.types;

/**
 * A PostgreSQL {@code interval} as the server stores it: three independent, signed parts.
 * Months and days have no fixed length (a month is 28 to 31 days, a day 23 to 25 hours across
 * a DST change), so they are kept apart from the time part.
 */
record PgInterval(long months, long days, long micros) {

    static final long MICROS_PER_DAY = 86_400_000_000L;

    /**
     * Style-independent input text: every part carries its own sign, which PostgreSQL reads the
     * same way under every {@code IntervalStyle} (a lone leading sign would be spread over all
     * parts under {@code sql_standard}). The time part is {@code H:MM:SS.fffffffff}, since
     * PostgreSQL 12 to 14 read a bare number of seconds as a 32-bit integer.
     */
    static String input(long months, long days, boolean negativeTime, long hours, int minutes, int seconds, int nanos) {
        StringBuilder out = new StringBuilder();
        out.append(months < 0 ? "" : "+").append(months).append(" mons ");
        out.append(days < 0 ? "" : "+").append(days).append(" days ");
        out.append(negativeTime ? '-' : '+').append(hours).append(':');
        two(out, minutes).append(':');
        two(out, seconds);
        if (nanos != 0) {
            String f = Integer.toString(nanos + 1_000_000_000).substring(1).replaceAll("0+$", "");
            out.append('.').append(f);
        }
        return out.toString();
    }

    private static StringBuilder two(StringBuilder out, int n) {
        return out.append(n < 10 ? "0" : "").append(n);
    }

    /** This interval's input text. */
    String input() {
        long abs = Math.abs(micros);
        return input(months, days, micros < 0, abs / 3_600_000_000L, (int) (abs / 60_000_000L % 60),
                (int) (abs / 1_000_000L % 60), (int) (abs % 1_000_000L) * 1000);
    }
}
