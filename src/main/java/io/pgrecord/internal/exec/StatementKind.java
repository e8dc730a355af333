package io.pgrecord.internal.exec;

import java.util.Locale;

/**
 * The low-cardinality description of a statement for metric tags and observation keys: its
 * operation and the table it names first, never its text.
 *
 * @param operation select, insert, update, delete, copy, ddl, transaction or other
 * @param model the unqualified table name, or "none"
 */
public record StatementKind(String operation, String model) {

    private static final int LONGEST_NAME = 63;   // PostgreSQL's identifier limit keeps the tag set bounded

    /** Reads the leading keyword and the first table name of {@code sql}. */
    public static StatementKind of(String sql) {
        SqlTokens t = SqlTokens.of(sql);
        String first = t.word(0);
        return switch (first) {
            case "select", "with", "values", "table" -> new StatementKind("select", t.tableAfter("from"));
            case "insert" -> new StatementKind("insert", t.tableAfter("into"));
            case "update" -> new StatementKind("update", t.tableAt(1));
            case "delete" -> new StatementKind("delete", t.tableAfter("from"));
            case "merge" -> new StatementKind("update", t.tableAfter("into"));
            case "copy" -> new StatementKind("copy", t.tableAt(1));
            case "create", "alter", "drop", "truncate", "comment" -> new StatementKind("ddl", "none");
            case "begin", "start", "commit", "rollback", "savepoint", "release", "end" -> new StatementKind("transaction", "none");
            default -> new StatementKind("other", "none");
        };
    }

    /** Whether {@code sql} changes data or schema: an insert, update, delete, merge, copy or DDL. */
    public static boolean writes(String sql) {
        return switch (of(sql).operation()) {
            case "insert", "update", "delete", "copy", "ddl" -> true;
            default -> false;
        };
    }

    static String name(String identifier) {
        String n = identifier.toLowerCase(Locale.ROOT);
        return n.isEmpty() || n.length() > LONGEST_NAME ? "none" : n;
    }
}
