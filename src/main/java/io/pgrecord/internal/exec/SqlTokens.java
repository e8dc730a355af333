package io.pgrecord.internal.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rough lexer for the SQL pgrecord and jOOQ render, enough to name a statement's table and
 * the column each bind belongs to: words, quoted names, bind markers ({@code ?} or {@code $n}),
 * operators and punctuation. String literals and comments are skipped. Used only while a
 * statement is logged or measured.
 */
final class SqlTokens {

    enum Type { WORD, NAME, NUMBER, BIND, OPERATOR, PUNCT }

    /**
     * @param text a word in lower case, a quoted name as written, the operator or punctuation
     * @param bind for a bind marker, its zero-based position
     */
    record Token(Type type, String text, int bind) {

        boolean is(Type t, String s) {
            return type == t && text.equals(s);
        }

        boolean isWord(String s) {
            return is(Type.WORD, s);
        }

        boolean isName() {
            return type == Type.WORD || type == Type.NAME;
        }
    }

    private final List<Token> tokens;

    private SqlTokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    static SqlTokens of(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int questionMarks = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int skipped = SqlText.skipLiteralOrComment(sql, i);
            if (skipped != i) {
                i = skipped;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = SqlText.skipQuoted(sql, i, '"');
                out.add(new Token(Type.NAME, sql.substring(i + 1, end - 1).replace("\"\"", "\""), -1));
                i = end;
            } else if (c == '?' && SqlText.questionMark(sql, i) > 0) {
                out.add(new Token(Type.OPERATOR, "?", -1));   // ??, pgjdbc's escaped literal '?', or the ? of ?| and ?&
                i += SqlText.questionMark(sql, i);
            } else if (c == '?') {
                out.add(new Token(Type.BIND, "?", questionMarks++));
                i++;
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                out.add(new Token(Type.BIND, sql.substring(i, end), Integer.parseInt(sql.substring(i + 1, end)) - 1));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                out.add(new Token(Type.WORD, sql.substring(i, end).toLowerCase(Locale.ROOT), -1));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                out.add(new Token(Type.NUMBER, sql.substring(i, end), -1));
                i = end;
            } else if ("(),.;[]".indexOf(c) >= 0) {
                out.add(new Token(Type.PUNCT, String.valueOf(c), -1));
                i++;
            } else {
                int end = i + 1;
                while (end < n && "=<>!~+-*/%^|&#@:".indexOf(sql.charAt(end)) >= 0 && "=<>!~".indexOf(c) >= 0) {
                    end++;
                }
                out.add(new Token(Type.OPERATOR, sql.substring(i, end), -1));
                i = end;
            }
        }
        return new SqlTokens(out);
    }

    List<Token> tokens() {
        return tokens;
    }

    int size() {
        return tokens.size();
    }

    Token get(int i) {
        return tokens.get(i);
    }

    /** The {@code i}th token when it is a word, otherwise "". */
    String word(int i) {
        return i < tokens.size() && tokens.get(i).type() == Type.WORD ? tokens.get(i).text() : "";
    }

    /** The table named after the first {@code keyword} outside parentheses, or "none". */
    String tableAfter(String keyword) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is(Type.PUNCT, "(")) {
                depth++;
            } else if (t.is(Type.PUNCT, ")")) {
                depth--;
            } else if (depth == 0 && t.isWord(keyword)) {
                return tableAt(i + 1);
            }
        }
        return "none";
    }

    /** The unqualified name of the (possibly schema-qualified) table starting at token {@code i}, or "none". */
    String tableAt(int i) {
        int at = i;
        if (at < tokens.size() && tokens.get(at).isWord("only")) {
            at++;
        }
        String name = null;
        while (at < tokens.size() && tokens.get(at).isName()) {
            name = tokens.get(at).text();
            if (at + 1 < tokens.size() && tokens.get(at + 1).is(Type.PUNCT, ".")) {
                at += 2;
            } else {
                break;
            }
        }
        return name == null ? "none" : StatementKind.name(name);
    }
}
