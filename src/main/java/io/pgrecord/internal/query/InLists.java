package io.pgrecord.internal.query;

import io.pgrecord.internal.exec.SqlText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A list bound to {@code IN (?)} in SQL text, read as Rails and Spring's named-parameter
 * template read it: one bind per element, {@code IN (?, ?, ?)}, each typed as a bind of its own
 * (a string stays untyped, so it compares with an enum or uuid column as a literal would; an
 * element that is itself a list or an array is one array bind). An empty list makes {@code IN}
 * false and {@code NOT IN} true, written {@code = any('{}')} and {@code <> all('{}')}:
 * {@code IN ()} is not SQL, and Rails' {@code NOT IN (NULL)} matches nothing. A list longer
 * than {@value #MOST_EXPANDED} stays one array bind under {@code = any(?)}: a statement has at
 * most 32,767 binds, and the server plans an IN list as that array anyway; a list of arrays
 * stays one bind per element, since no array bind can hold arrays. A list anywhere else
 * ({@code = any(?)}, {@code @> ?}) is one array bind, as before.
 */
final class InLists {

    static final int MOST_EXPANDED = 1000;

    private InLists() {
    }

    /** SQL text and its binds after expansion. */
    record Text(String sql, Object[] binds) {
    }

    /** The expanded text and binds, or null when no list stands in an {@code IN (?)}. */
    static Text expand(String sql, Object[] binds) {
        if (binds == null || sql == null || !anyList(binds)) {
            return null;
        }
        int[] markers = SqlText.markers(sql);
        if (markers.length != binds.length) {
            // a bind missing or one too many: refused with the markers counted (Sql.pieces)
            return null;
        }
        StringBuilder out = new StringBuilder(sql.length() + 16);
        List<Object> flat = new ArrayList<>(binds.length + 8);
        int copied = 0;
        for (int k = 0; k < binds.length; k++) {
            int marker = markers[k];
            List<?> elements = elements(binds[k]);
            int in = elements == null ? -1 : inKeyword(sql, marker);
            if (in < 0) {
                flat.add(binds[k]);
                continue;
            }
            if (elements.isEmpty() || elements.size() > MOST_EXPANDED && !holdsArrays(elements)) {
                int not = notKeyword(sql, in);
                out.append(sql, copied, not >= 0 ? not : in).append(not >= 0 ? "<> all" : "= any");
                copied = in + 2;
                flat.add(binds[k]);
                continue;
            }
            out.append(sql, copied, marker);
            for (int e = 0; e < elements.size(); e++) {
                out.append(e == 0 ? "?" : ", ?");
                flat.add(elements.get(e));
            }
            copied = marker + 1;
        }
        if (copied == 0) {
            return null;
        }
        out.append(sql, copied, sql.length());
        return new Text(out.toString(), flat.toArray());
    }

    private static boolean anyList(Object[] binds) {
        for (Object b : binds) {
            if (b instanceof Collection<?> || b instanceof Object[]) {
                return true;
            }
        }
        return false;
    }

    /** A bind's elements when it is a list or an array; else null. */
    private static List<?> elements(Object bind) {
        return bind instanceof Collection<?> c ? new ArrayList<>(c)
                : bind instanceof Object[] a ? Arrays.asList(a) : null;
    }

    /**
     * Whether an element is a list or an array, which one array bind cannot hold: PostgreSQL has
     * no arrays of arrays, and {@code = any(?)} over a multi-dimensional one compares each scalar.
     */
    private static boolean holdsArrays(List<?> elements) {
        for (Object e : elements) {
            if (e instanceof Collection<?> || e instanceof Object[]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the {@code IN} starts when the marker at {@code marker} is all that stands between
     * {@code IN (} and {@code )}; otherwise -1.
     */
    private static int inKeyword(String sql, int marker) {
        int after = skipSpaceForward(sql, marker + 1);
        if (after >= sql.length() || sql.charAt(after) != ')') {
            return -1;
        }
        int paren = skipSpaceBack(sql, marker - 1);
        if (paren < 0 || sql.charAt(paren) != '(') {
            return -1;
        }
        int end = skipSpaceBack(sql, paren - 1);
        return isWordEndingAt(sql, end, "in") ? end - 1 : -1;
    }

    /** Where a {@code NOT} just before the {@code IN} at {@code in} starts, or -1. */
    private static int notKeyword(String sql, int in) {
        int end = skipSpaceBack(sql, in - 1);
        return end < in - 1 && isWordEndingAt(sql, end, "not") ? end - 2 : -1;
    }

    private static boolean isWordEndingAt(String sql, int end, String word) {
        int start = end - word.length() + 1;
        if (start < 0 || !sql.regionMatches(true, start, word, 0, word.length())) {
            return false;
        }
        return start == 0 || !isWordChar(sql.charAt(start - 1));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '"';
    }

    private static int skipSpaceForward(String sql, int i) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaceBack(String sql, int i) {
        while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
            i--;
        }
        return i;
    }
}
