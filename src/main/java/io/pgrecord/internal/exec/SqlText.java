package io.pgrecord.internal.exec;

/**
 * What SQL text holds besides code: string literals ({@code '...'}, {@code E'...'}, dollar-quoted),
 * quoted names and comments, skipped alike by the statement lexer ({@link SqlTokens}) and by the
 * count of a fragment's bind markers.
 */
public final class SqlText {

    private SqlText() {
    }

    /**
     * The index just past the string literal or comment that starts at {@code i}, or {@code i}
     * when none starts there.
     */
    public static int skipLiteralOrComment(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'' && !wordBefore(sql, i)) {
            // E'...': a backslash escapes the next character
            int j = i + 2;
            while (j < n && sql.charAt(j) != '\'') {
                j += sql.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(n, j + 1);
        }
        if (c == '\'') {
            return skipQuoted(sql, i, '\'');
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int end = sql.indexOf('\n', i);
            return end < 0 ? n : end;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        }
        if (c == '$' && !wordBefore(sql, i)) {
            int tagEnd = dollarTagEnd(sql, i);
            if (tagEnd > 0) {
                String tag = sql.substring(i, tagEnd + 1);
                int end = sql.indexOf(tag, tagEnd + 1);
                return end < 0 ? n : end + tag.length();
            }
        }
        return i;
    }

    /** The index just past the quoted text starting at {@code start}; a doubled quote stays inside. */
    public static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /**
     * The {@code ?} and {@code {n}} of SQL text outside literals, quoted names and comments: at
     * least its bind markers ({@code ?} is also a jsonb operator).
     */
    public static int bindMarkers(String sql) {
        return scan(sql, null);
    }

    /** Where {@link #bindMarkers} finds each marker, in order. */
    public static int[] markers(String sql) {
        int[] at = new int[scan(sql, null)];
        scan(sql, at);
        return at;
    }

    /** Counts the markers, and puts their positions in {@code at} unless it is null. */
    private static int scan(String sql, int[] at) {
        int count = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            int skipped = skipLiteralOrComment(sql, i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '"') {
                i = skipQuoted(sql, i, '"');
                continue;
            }
            if (c == '?' || (c == '{' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                if (at != null) {
                    at[count] = i;
                }
                count++;
            }
            i++;
        }
        return count;
    }

    /** Whether the character before {@code at} belongs to a word, so a {@code $} or {@code E} there is part of it. */
    private static boolean wordBefore(String sql, int at) {
        if (at == 0) {
            return false;
        }
        char b = sql.charAt(at - 1);
        return Character.isLetterOrDigit(b) || b == '_' || b == '$';
    }

    /** The closing {@code $} of a dollar-quote tag ({@code $$}, {@code $body$}) opening at {@code at}, or -1. */
    private static int dollarTagEnd(String sql, int at) {
        for (int j = at + 1; j < sql.length(); j++) {
            char t = sql.charAt(j);
            if (t == '$') {
                return j;
            }
            if (!(Character.isLetter(t) || t == '_' || (j > at + 1 && Character.isDigit(t)))) {
                return -1;
            }
        }
        return -1;
    }
}
