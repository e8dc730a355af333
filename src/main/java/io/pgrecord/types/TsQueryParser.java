package io.pgrecord.types;

/**
 * Parses {@code tsquery} text into a {@link TsQueryNode} tree with PostgreSQL's grammar:
 * operands as in {@link TsWords} with an optional {@code :*ABCD} suffix, {@code !} binding
 * tightest, then {@code <->} / {@code <N>}, then {@code &}, then {@code |}, all left-associative.
 */
final class TsQueryParser {

    /** The largest phrase distance the server accepts (MAXENTRYPOS). */
    private static final int MAX_DISTANCE = 16384;

    private final String input;
    private final TsWords words;
    private int pos;

    private TsQueryParser(String input) {
        this.input = input;
        this.words = new TsWords("tsquery", input, true);
    }

    /** The tree, or null for a query without lexemes (which the server accepts, with a notice). */
    static TsQueryNode parse(String input) {
        TsQueryParser p = new TsQueryParser(input);
        p.skipSpace();
        if (p.atEnd()) {
            return null;
        }
        TsQueryNode node = p.or();
        p.skipSpace();
        if (!p.atEnd()) {
            throw p.error(p.peek() == ')' ? "unbalanced parenthesis" : "an operator is expected at position " + (p.pos + 1));
        }
        return node;
    }

    private TsQueryNode or() {
        TsQueryNode left = and();
        while (consume('|')) {
            left = new TsQueryNode.Binary(TsQueryNode.OR, 0, left, and());
        }
        return left;
    }

    private TsQueryNode and() {
        TsQueryNode left = phrase();
        while (consume('&')) {
            left = new TsQueryNode.Binary(TsQueryNode.AND, 0, left, phrase());
        }
        return left;
    }

    private TsQueryNode phrase() {
        TsQueryNode left = unary();
        skipSpace();
        while (peek() == '<') {
            int distance = distance();
            left = new TsQueryNode.Binary(TsQueryNode.PHRASE, distance, left, unary());
            skipSpace();
        }
        return left;
    }

    private TsQueryNode unary() {
        if (consume('!')) {
            return new TsQueryNode.Not(unary());
        }
        if (consume('(')) {
            TsQueryNode inner = or();
            if (!consume(')')) {
                throw error("unbalanced parenthesis");
            }
            return inner;
        }
        skipSpace();
        if (atEnd()) {
            throw error("no operand at the end");
        }
        if (peek() == ':') {
            throw error("an operand is expected at position " + (pos + 1));
        }
        return operand();
    }

    private TsQueryNode operand() {
        words.position(pos);
        String word = words.next(null);
        pos = words.position();
        int weights = 0;
        boolean prefix = false;
        if (peek() == ':') {
            pos++;
            for (int w; !atEnd(); pos++) {
                char c = input.charAt(pos);
                if (c == '*') {
                    prefix = true;
                } else if ((w = TsWords.weight(c)) >= 0) {
                    weights |= 1 << w;
                } else {
                    break;
                }
            }
        }
        return new TsQueryNode.Operand(word, weights, prefix);
    }

    /** {@code <->} is distance 1, {@code <N>} is N. */
    private int distance() {
        int start = pos;
        pos++;
        int distance = 1;
        if (peek() == '-') {
            pos++;
        } else {
            int digits = pos;
            while (!atEnd() && peek() >= '0' && peek() <= '9') {
                pos++;
            }
            if (digits == pos) {
                throw error("bad phrase operator at position " + (start + 1));
            }
            String n = input.substring(digits, pos);
            distance = n.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(n);
            if (distance > MAX_DISTANCE) {
                throw error("distance in phrase operator should not be greater than " + MAX_DISTANCE);
            }
        }
        if (peek() != '>') {
            throw error("bad phrase operator at position " + (start + 1));
        }
        pos++;
        return distance;
    }

    private boolean consume(char c) {
        skipSpace();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private char peek() {
        return atEnd() ? 0 : input.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private void skipSpace() {
        while (!atEnd() && TsWords.isSpace(input.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String reason) {
        return words.error(reason);
    }
}
