package io.pgrecord.internal.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's lexical rules for what SQL text holds besides code: string literals
 * ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes, dollar-quoted
 * {@code $$...$$} and {@code $tag$...$tag$}), quoted names and comments ({@code --} and block
 * comments, which nest), skipped alike by the statement lexer ({@link SqlTokens}) and by the
 * reading of {@code where(sql, binds)} text. In code, a {@code ?} is read as one rule says on
 * both backends:
 * <ul>
 * <li>{@code ??} is the operator {@code ?} (pgjdbc's escape);
 * <li>{@code ?|} and {@code ?&} are the jsonb operators, except in {@code ?||} and {@code ?&&},
 *     which are a bind marker before {@code ||} or {@code &&}; {@code @?} is the jsonpath one;
 * <li>any other {@code ?} is a bind marker; in text given no bind values, it is the operator
 *     {@code ?} too, so that text is SQL as written.
 * </ul>
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
        if (isEscapeString(sql, i)) {
            // E'...': a backslash escapes the next character, and '' is a quote as in any literal
            int j = i + 2;
            while (j < n) {
                char d = sql.charAt(j);
                if (d == '\\') {
                    j += 2;
                } else if (d == '\'' && j + 1 < n && sql.charAt(j + 1) == '\'') {
                    j += 2;
                } else if (d == '\'') {
                    return j + 1;
                } else {
                    j++;
                }
            }
            return n;
        }
        if (c == '\'') {
            return skipQuoted(sql, i, '\'');
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int end = sql.indexOf('\n', i);
            return end < 0 ? n : end;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            // block comments nest in PostgreSQL
            int depth = 1;
            int j = i + 2;
            while (j < n && depth > 0) {
                if (sql.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (sql.startsWith("*/", j)) {
                    depth--;
                    j += 2;
                } else {
                    j++;
                }
            }
            return j;
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
     * How the {@code ?} at {@code i}, in code, reads: 0 for a bind marker, else the number of
     * characters of the operator character it stands for (2 for {@code ??}, 1 for the {@code ?}
     * of {@code ?|}, {@code ?&} and {@code @?}).
     */
    public static int questionMark(String sql, int i) {
        char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
        if (next == '?') {
            return 2;
        }
        if ((next == '|' || next == '&') && (i + 2 >= sql.length() || sql.charAt(i + 2) != next)) {
            return 1;
        }
        // @? is jsonb's jsonpath operator; @ on a bind (absolute value) is written "@ ?"
        return i > 0 && sql.charAt(i - 1) == '@' ? 1 : 0;
    }

    /** The number of bind markers of SQL text given bind values; allocates nothing. */
    public static int bindMarkers(String sql) {
        return scan(sql, true, null, null);
    }

    /** Where each bind marker of SQL text given bind values is, in order. */
    public static int[] markers(String sql) {
        int[] at = new int[bindMarkers(sql)];
        scan(sql, true, at, null);
        return at;
    }

    /**
     * SQL text cut at its bind markers, as the two drivers take it.
     *
     * @param sql the text between the markers, one more than there are markers
     * @param escaped the same for a statement whose binds are {@code ?} (pgjdbc), where the
     *     operator {@code ?} is written {@code ??}
     */
    public record Pieces(String[] sql, String[] escaped) {

        public int markers() {
            return sql.length - 1;
        }
    }

    /**
     * The pieces of {@code sql}; with {@code binds} false, a lone {@code ?} is the operator. An
     * {@code E'...'} literal's {@code \'} is written {@code ''}, which r2dbc-postgresql's own
     * reading of the statement takes (it ends the literal at {@code \'}), and a line comment
     * ending the text is ended, so that what follows the fragment is not commented out.
     */
    public static Pieces pieces(String sql, boolean binds) {
        List<String> out = new ArrayList<>();
        scan(sql, binds, null, out);
        int n = out.size() / 2;
        String[] plain = new String[n];
        String[] escaped = new String[n];
        for (int k = 0; k < n; k++) {
            plain[k] = out.get(2 * k);
            escaped[k] = out.get(2 * k + 1);
        }
        return new Pieces(plain, escaped);
    }

    /**
     * One pass over SQL text: counts its markers, puts their positions in {@code at} and its
     * pieces (each in both forms, one after the other) in {@code pieces} when these are not null.
     */
    private static int scan(String sql, boolean binds, int[] at, List<String> pieces) {
        StringBuilder plain = pieces == null ? null : new StringBuilder(sql.length());
        StringBuilder escaped = pieces == null ? null : new StringBuilder(sql.length() + 4);
        int count = 0;
        int n = sql.length();
        int i = 0;
        boolean openLineComment = false;
        while (i < n) {
            char c = sql.charAt(i);
            int end = skipLiteralOrComment(sql, i);
            if (end == i && c == '"') {
                end = skipQuoted(sql, i, '"');
            }
            if (end != i) {
                openLineComment = c == '-' && end == n;
                if (pieces != null) {
                    String text = isEscapeString(sql, i) ? escapeString(sql.substring(i, end)) : sql.substring(i, end);
                    plain.append(text);
                    escaped.append(text);
                }
                i = end;
                continue;
            }
            if (c == '?') {
                int operator = questionMark(sql, i);
                if (operator == 0 && binds) {
                    if (at != null) {
                        at[count] = i;
                    }
                    count++;
                    if (pieces != null) {
                        pieces.add(plain.toString());
                        pieces.add(escaped.toString());
                        plain.setLength(0);
                        escaped.setLength(0);
                    }
                    i++;
                    continue;
                }
                if (pieces != null) {
                    plain.append('?');
                    escaped.append("??");
                }
                i += Math.max(operator, 1);
                continue;
            }
            if (pieces != null) {
                plain.append(c);
                escaped.append(c);
            }
            i++;
        }
        if (pieces != null) {
            if (openLineComment) {
                plain.append('\n');
                escaped.append('\n');
            }
            pieces.add(plain.toString());
            pieces.add(escaped.toString());
        }
        return count;
    }

    /** An {@code E'...'} literal with each {@code \'} written {@code ''}: the same string. */
    private static String escapeString(String literal) {
        if (literal.indexOf("\\'") < 0) {
            return literal;
        }
        StringBuilder out = new StringBuilder(literal.length() + 4);
        for (int j = 0; j < literal.length(); j++) {
            char c = literal.charAt(j);
            if (c == '\\' && j + 1 < literal.length()) {
                char next = literal.charAt(++j);
                out.append(next == '\'' ? "''" : "\\" + next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether an {@code E'...'} literal starts at {@code i} (an {@code e} ending a word does not start one). */
    private static boolean isEscapeString(String sql, int i) {
        char c = sql.charAt(i);
        return (c == 'E' || c == 'e') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'' && !wordBefore(sql, i);
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
