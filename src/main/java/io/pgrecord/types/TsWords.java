package io.pgrecord.types;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the words of {@code tsvector} and {@code tsquery} text with the rules of PostgreSQL's
 * {@code gettoken_tsvector}: bare or single-quoted words, {@code ''} for a quote inside quotes,
 * a backslash escaping any character, and for a {@code tsvector} a {@code :1A,2,3B} position list.
 * In query mode the operators {@code ! & | ( ) <} and {@code :} end a bare word.
 */
final class TsWords {

    /** A lexeme must be shorter than this many bytes (MAXSTRLEN). */
    static final int MAX_WORD_BYTES = 2047;
    /** Positions are clamped to this (MAXENTRYPOS - 1). */
    static final int MAX_POSITION = 16383;

    private final String type;
    private final String input;
    private final boolean query;
    private int pos;

    TsWords(String type, String input, boolean query) {
        this.type = type;
        this.input = input;
        this.query = query;
    }

    int position() {
        return pos;
    }

    void position(int pos) {
        this.pos = pos;
    }

    IllegalArgumentException error(String reason) {
        return Malformed.input(type, input, reason);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private boolean isOperator(char c) {
        return query && (c == '!' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<');
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    /**
     * The next word, or null at the end of the input. For a tsvector, {@code positions} receives
     * each position as {@code position << 2 | weight} (weight 3 = A … 0 = D).
     */
    String next(List<Integer> positions) {
        while (!atEnd() && isSpace(input.charAt(pos))) {
            pos++;
        }
        if (atEnd()) {
            return null;
        }
        char first = input.charAt(pos);
        if (isOperator(first)) {
            throw error(null);
        }
        String word = first == '\'' ? quoted() : bare();
        if (word.isEmpty()) {
            throw error("empty word");
        }
        if (word.getBytes(StandardCharsets.UTF_8).length >= MAX_WORD_BYTES) {
            throw error("word is too long (max " + (MAX_WORD_BYTES - 1) + " bytes)");
        }
        if (!query && !atEnd() && input.charAt(pos) == ':') {
            pos++;
            positions(positions);
        }
        return word;
    }

    private String bare() {
        StringBuilder word = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(pos);
            if (c == '\\') {
                word.append(escaped());
                continue;
            }
            if (isSpace(c) || isOperator(c) || c == ':') {
                break;
            }
            word.append(c);
            pos++;
        }
        return word.toString();
    }

    private String quoted() {
        StringBuilder word = new StringBuilder();
        pos++;
        while (true) {
            if (atEnd()) {
                throw error("unterminated quoted word");
            }
            char c = input.charAt(pos);
            if (c == '\\') {
                word.append(escaped());
            } else if (c == '\'') {
                pos++;
                if (atEnd() || input.charAt(pos) != '\'') {
                    return word.toString();
                }
                word.append('\'');
                pos++;
            } else {
                word.append(c);
                pos++;
            }
        }
    }

    private char escaped() {
        pos++;
        if (atEnd()) {
            throw error("there is no escaped character");
        }
        return input.charAt(pos++);
    }

    /** {@code 1A,2,3B}: digits, then at most one weight letter ({@code *} means A), then a comma. */
    private void positions(List<Integer> out) {
        while (true) {
            int start = pos;
            while (!atEnd() && Character.isDigit(input.charAt(pos)) && input.charAt(pos) < 128) {
                pos++;
            }
            if (start == pos) {
                throw error("a position is missing");
            }
            String digits = input.substring(start, pos);
            int position = digits.length() > 5 ? MAX_POSITION : Math.min(Integer.parseInt(digits), MAX_POSITION);
            if (position == 0) {
                throw error("wrong position info in tsvector");
            }
            int weight = 0;
            boolean weighted = false;
            while (!atEnd() && !isSpace(input.charAt(pos)) && input.charAt(pos) != ',') {
                int w = weight(input.charAt(pos));
                if (w < 0 || weighted) {
                    throw error("bad weight after position " + position);
                }
                weight = w;
                weighted = true;
                pos++;
            }
            out.add(position << 2 | weight);
            if (atEnd() || input.charAt(pos) != ',') {
                return;
            }
            pos++;
        }
    }

    static int weight(char c) {
        return switch (c) {
            case 'a', 'A', '*' -> 3;
            case 'b', 'B' -> 2;
            case 'c', 'C' -> 1;
            case 'd', 'D' -> 0;
            default -> -1;
        };
    }

    /** Appends {@code 'word'} with quotes and backslashes doubled, as tsvector_out and tsquery_out do. */
    static StringBuilder appendQuoted(StringBuilder out, String word) {
        out.append('\'');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        return out.append('\'');
    }
}
