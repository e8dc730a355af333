package io.pgrecord;

/** The SQL transaction isolation levels, as PostgreSQL implements them. */
public enum IsolationLevel {
    /** Treated by PostgreSQL as READ COMMITTED. */
    READ_UNCOMMITTED("READ UNCOMMITTED"),
    READ_COMMITTED("READ COMMITTED"),
    REPEATABLE_READ("REPEATABLE READ"),
    SERIALIZABLE("SERIALIZABLE");

    private final String sql;

    IsolationLevel(String sql) {
        this.sql = sql;
    }

    /** The SQL words, e.g. {@code REPEATABLE READ}. */
    public String sql() {
        return sql;
    }
}
