package io.pgrecord.types;

/**
 * A PostgreSQL {@code tsquery}: lexemes combined with {@code &}, {@code |}, {@code !} and the
 * phrase operators {@code <->} and {@code <N>}.
 *
 * <p>{@link #parse} checks the syntax the way the server's input function does and keeps the
 * text in the server's output form (every lexeme quoted, only the parentheses operator priority
 * needs), so two values are equal when the server would print them the same. Lexemes are taken
 * literally, not stemmed as {@code to_tsquery} would.
 * {@snippet class=io.pgrecord.types.JavadocExamplesTest region=tsquery}
 */
public final class TsQuery {

    private final String text;

    private TsQuery(String text) {
        this.text = text;
    }

    public static TsQuery parse(String text) {
        Malformed.requireNonNull(text, "tsquery");
        TsQueryNode root = TsQueryParser.parse(text);
        StringBuilder out = new StringBuilder();
        if (root != null) {
            root.print(out, 0, false);
        }
        return new TsQuery(out.toString());
    }

    /** True for a query without lexemes, which matches nothing. */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TsQuery other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The canonical text, such as {@code 'fat' & 'rat'}; empty for an empty query. */
    @Override
    public String toString() {
        return text;
    }
}
