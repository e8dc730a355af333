package io.pgrecord.internal.exec;

/** PostgreSQL WAL positions ({@code pg_lsn}, printed {@code 16/B374D848}) as unsigned longs. */
public final class Lsn {

    /** No position known: below every real one. */
    public static final long NONE = 0L;

    private Lsn() {
    }

    /** Parses the text of a {@code pg_lsn}; null (a server that is not replaying) is {@link #NONE}. */
    public static long parse(String text) {
        if (text == null) {
            return NONE;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid WAL position '" + text + "'; expected hex/hex");
        }
        return (Long.parseUnsignedLong(text.substring(0, slash), 16) << 32)
                | Long.parseUnsignedLong(text.substring(slash + 1), 16);
    }

    /** Whether position {@code a} is at or past {@code b}. */
    public static boolean reached(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0;
    }
}
