package io.pgrecord.internal.exec;

import io.pgrecord.internal.exec.SqlTokens.Token;
import io.pgrecord.internal.exec.SqlTokens.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which binds of a statement must be masked: those that go to a sensitive column. A bind's
 * column is read from the SQL ({@code INSERT}'s column list, or the column left of
 * {@code = ? }, {@code IN (?, ?)}, {@code = any(?)}); a bind whose column cannot be told is
 * masked whenever the statement names a sensitive column at all, so a value is shown only
 * when it is known not to be sensitive.
 */
final class BindColumns {

    /** Words between a column and its bind that compare them. */
    private static final Set<String> COMPARISONS = Set.of("in", "like", "ilike", "similar", "is", "any", "all", "some");
    /** Words between a column and its bind that leave the comparison as it is. */
    private static final Set<String> SKIPPED_BEFORE_BIND = Set.of("cast", "array", "to", "not", "distinct", "from",
            "lower", "upper", "row");
    /** Words that end a search for the column: never one. */
    private static final Set<String> KEYWORDS = Set.of("select", "where", "and", "or", "set", "values", "on", "when",
            "then", "else", "case", "limit", "offset", "by", "having", "returning", "into", "as", "between", "exists",
            "null", "true", "false", "not", "from", "join", "using");

    private BindColumns() {
    }

    /**
     * Per bind position, whether its value is masked.
     *
     * @param listed column names sensitive in every table, in lower case: the backend's
     *     {@code sensitiveColumns}; the columns of {@code @Sensitive} fields count too, in a
     *     statement that names their table
     */
    static boolean[] masked(String sql, int binds, Set<String> listed) {
        boolean[] masked = new boolean[binds];
        if (binds == 0) {
            return masked;
        }
        SqlTokens t = SqlTokens.of(sql);
        Set<String> sensitive = sensitiveNamed(t, listed);
        if (sensitive.isEmpty()) {
            return masked;
        }
        String[] columns = new String[binds];
        insertColumns(t, columns);
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (token.type() == Type.BIND && token.bind() >= 0 && token.bind() < binds && columns[token.bind()] == null) {
                columns[token.bind()] = columnLeftOf(t, i);
            }
        }
        for (int b = 0; b < binds; b++) {
            masked[b] = columns[b] == null || sensitive.contains(columns[b].toLowerCase(Locale.ROOT));
        }
        return masked;
    }

    /** The sensitive columns (lower case) the statement names: listed ones, and {@code @Sensitive} ones of a table it names. */
    static Set<String> sensitiveNamed(SqlTokens t, Set<String> listed) {
        Set<String> names = new HashSet<>();
        for (Token token : t.tokens()) {
            if (token.isName()) {
                names.add(token.text().toLowerCase(Locale.ROOT));
            }
        }
        Set<String> sensitive = new HashSet<>(listed);
        SensitiveColumns.addTo(sensitive, names);
        sensitive.retainAll(names);
        return sensitive;
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?)}: each bind of a tuple takes the column at its place. */
    private static void insertColumns(SqlTokens t, String[] columns) {
        if (!t.word(0).equals("insert")) {
            return;
        }
        int i = 1;
        while (i < t.size() && !t.get(i).is(Type.PUNCT, "(")) {
            if (t.get(i).isWord("values") || t.get(i).isWord("select")) {
                return;
            }
            i++;
        }
        List<String> names = new ArrayList<>();
        for (i++; i < t.size() && !t.get(i).is(Type.PUNCT, ")"); i++) {
            if (t.get(i).isName()) {
                names.add(t.get(i).text());
            }
        }
        i++;
        if (i >= t.size() || !t.get(i).isWord("values")) {
            return;
        }
        for (i++; i < t.size() && t.get(i).is(Type.PUNCT, "("); i++) {
            int place = 0;
            int depth = 0;
            for (i++; i < t.size(); i++) {
                Token token = t.get(i);
                if (token.is(Type.PUNCT, "(")) {
                    depth++;
                } else if (token.is(Type.PUNCT, ")")) {
                    if (depth-- == 0) {
                        break;
                    }
                } else if (depth == 0 && token.is(Type.PUNCT, ",")) {
                    place++;
                } else if (token.type() == Type.BIND && token.bind() < columns.length && place < names.size()) {
                    columns[token.bind()] = names.get(place);
                }
            }
            if (i + 1 < t.size() && t.get(i + 1).is(Type.PUNCT, ",")) {
                i++;
            }
        }
    }

    /**
     * The column compared with the bind at token {@code i}: the name left of a comparison
     * ({@code =}, {@code IN}, {@code LIKE}, {@code = any(...)}), skipping casts and the other
     * binds of an IN list; null when there is none.
     */
    private static String columnLeftOf(SqlTokens t, int i) {
        boolean compared = false;
        int j = i - 1;
        for (; j >= 0; j--) {
            Token token = t.get(j);
            if (token.type() == Type.OPERATOR) {
                compared = true;
            } else if (token.type() == Type.WORD && COMPARISONS.contains(token.text())) {
                compared = true;
            } else if (!(token.type() == Type.BIND || token.is(Type.PUNCT, "(") || token.is(Type.PUNCT, ",")
                    || (token.type() == Type.WORD && SKIPPED_BEFORE_BIND.contains(token.text())))) {
                break;
            }
        }
        if (!compared || j < 0) {
            return null;
        }
        Token column = t.get(j);
        return column.type() == Type.NAME || (column.type() == Type.WORD && !KEYWORDS.contains(column.text()))
                ? column.text() : null;
    }
}
