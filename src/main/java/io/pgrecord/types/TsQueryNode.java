package io.pgrecord.types;

/**
 * The parsed tree of a {@code tsquery}, printed back the way PostgreSQL's {@code tsquery_out}
 * prints it: only the parentheses that operator priority needs ({@code !} 4, phrase 3,
 * {@code &} 2, {@code |} 1), plus those around a phrase on the right of a phrase.
 */
sealed interface TsQueryNode {

    int NOT = 4;
    int PHRASE = 3;
    int AND = 2;
    int OR = 1;

    void print(StringBuilder out, int parentPriority, boolean rightOfPhrase);

    /** A lexeme, with its weights as bits (8 = A … 1 = D) and the prefix flag. */
    record Operand(String word, int weights, boolean prefix) implements TsQueryNode {
        @Override
        public void print(StringBuilder out, int parentPriority, boolean rightOfPhrase) {
            TsWords.appendQuoted(out, word);
            if (weights != 0 || prefix) {
                out.append(':');
                if (prefix) {
                    out.append('*');
                }
                for (int bit = 3; bit >= 0; bit--) {
                    if ((weights & 1 << bit) != 0) {
                        out.append((char) ('A' + 3 - bit));
                    }
                }
            }
        }
    }

    record Not(TsQueryNode operand) implements TsQueryNode {
        @Override
        public void print(StringBuilder out, int parentPriority, boolean rightOfPhrase) {
            out.append('!');
            operand.print(out, NOT, false);
        }
    }

    /** {@code &}, {@code |} or a phrase operator with its distance. */
    record Binary(int priority, int distance, TsQueryNode left, TsQueryNode right) implements TsQueryNode {
        @Override
        public void print(StringBuilder out, int parentPriority, boolean rightOfPhrase) {
            boolean parens = priority < parentPriority || (priority == PHRASE && rightOfPhrase);
            if (parens) {
                out.append("( ");
            }
            left.print(out, priority, false);
            out.append(switch (priority) {
                case OR -> " | ";
                case AND -> " & ";
                default -> distance == 1 ? " <-> " : " <" + distance + "> ";
            });
            right.print(out, priority, priority == PHRASE);
            if (parens) {
                out.append(" )");
            }
        }
    }
}
