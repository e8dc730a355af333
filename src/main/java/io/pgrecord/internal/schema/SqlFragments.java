package io.pgrecord.internal.schema;

import io.pgrecord.internal.exec.JooqDefaults;
import io.pgrecord.internal.exec.SqlText;
import io.pgrecord.internal.query.Sql;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Context;
import org.jooq.QueryPart;
import org.jooq.impl.CustomQueryPart;

/**
 * Checks the SQL expressions that DDL takes as text: CHECK and WHERE conditions, DEFAULT and
 * generated-column expressions. They are the developer's SQL by design, so they cannot be
 * quoted; what is refused is anything that could end the statement or hide text from it: a
 * {@code ;}, a comment, a dollar quote, an unterminated quote or unbalanced parentheses. jOOQ's
 * template markers (<code>{</code>, <code>}</code>) and backslashes are refused too. A {@code ?}
 * is the operator, as in SQL text given no bind values ({@link SqlText}'s rule: {@code ??} is
 * the operator {@code ?} too): the text is rendered past jOOQ's templates, with each operator
 * {@code ?} written {@code ??} where the binds are {@code ?} (pgjdbc reads a lone one as a bind).
 */
public final class SqlFragments {

    /** Type names as PostgreSQL writes them: {@code numeric(10,2)}, {@code timestamp(3) with time zone}, {@code text[]}. */
    private static final Pattern TYPE = Pattern.compile(
            "(?i)[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?( [a-z_][a-z0-9_]*)*"
                    + "( ?\\( *\\d+ *(, *-?\\d+ *)?\\))?( with(out)? time zone)?( ?\\[\\d*\\])*");

    private static final Pattern OPERATOR = Pattern.compile("[+\\-*/<>=~!@#%^&|`]{1,63}");

    private SqlFragments() {
    }

    /** A checked expression as a plain-SQL part. */
    public static QueryPart expression(String what, String sql) {
        return new Text(SqlText.pieces(check(what, sql), false));
    }

    /** A checked boolean expression, parenthesised as jOOQ's plain-SQL conditions are. */
    public static Condition condition(String what, String sql) {
        return Sql.condition(check(what, sql), new QueryPart[0]);
    }

    /** SQL text without bind markers, its operator {@code ?} written as the statement's binds need. */
    private static final class Text extends CustomQueryPart {

        private final SqlText.Pieces pieces;

        Text(SqlText.Pieces pieces) {
            this.pieces = pieces;
        }

        @Override
        public void accept(Context<?> ctx) {
            ctx.sql(JooqDefaults.numberedBinds(ctx) ? pieces.sql()[0] : pieces.escaped()[0]);
        }
    }

    /**
     * A type name such as {@code integer}, {@code character varying(100)} or {@code public.citext}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String typeName(String what, String type) {
        String t = type == null ? "" : type.trim();
        if (!TYPE.matcher(t).matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + (type == null ? null : Identifiers.printable(type))
                    + "': expected a type name such as integer, varchar(100), numeric(10,2) or text[]");
        }
        return t;
    }

    /** An operator such as {@code =} or {@code &&}. */
    public static String operator(String what, String op) {
        if (op == null || !OPERATOR.matcher(op).matches() || op.contains("--") || op.contains("/*")) {
            throw new IllegalArgumentException("invalid " + what + " '" + (op == null ? null : Identifiers.printable(op))
                    + "': expected an operator such as =, && or <->");
        }
        return op;
    }

    /**
     * The expression, unchanged.
     *
     * @throws IllegalArgumentException naming what it is and the first problem found
     */
    public static String check(String what, String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException(what + " must not be " + (sql == null ? "null" : "blank"));
        }
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                while (end > 0 && end + 1 < n && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2);
                }
                if (end < 0) {
                    throw refused(what, sql, "an unterminated " + (c == '\'' ? "string" : "quoted identifier"));
                }
                i = end + 1;
                continue;
            }
            if (c == ';' || c == '\0') {
                throw refused(what, sql, c == ';' ? "';'" : "a NUL character");
            }
            if ((c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') || (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*')) {
                throw refused(what, sql, "a comment");
            }
            if (c == '$' || c == '{' || c == '}' || c == '\\') {
                throw refused(what, sql, "'" + c + "'");
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                throw refused(what, sql, "an unbalanced ')'");
            }
            i++;
        }
        if (depth != 0) {
            throw refused(what, sql, "an unclosed '('");
        }
        return sql;
    }

    private static IllegalArgumentException refused(String what, String sql, String problem) {
        return new IllegalArgumentException("refused " + what + " '" + Identifiers.printable(sql) + "': it contains "
                + problem + " outside quotes; give one SQL expression");
    }
}
