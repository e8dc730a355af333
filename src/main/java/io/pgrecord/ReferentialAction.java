package io.pgrecord;

/**
 * What a foreign key does when the referenced row is deleted: the {@code ON DELETE} clause that
 * {@code SchemaManager.createTable} writes for a {@code belongsTo} relation marked with
 * {@link OnDelete}.
 */
public enum ReferentialAction {
    /** {@code NO ACTION}, PostgreSQL's default: the delete fails at the end of the statement. */
    NO_ACTION("NO ACTION"),
    /** {@code RESTRICT}: the delete fails at once, even when the constraint is deferred. */
    RESTRICT("RESTRICT"),
    /** {@code CASCADE}: the referencing rows are deleted too. */
    CASCADE("CASCADE"),
    /** {@code SET NULL}: the foreign-key columns become NULL. */
    SET_NULL("SET NULL"),
    /** {@code SET DEFAULT}: the foreign-key columns get their defaults. */
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The SQL words, e.g. {@code SET NULL}, as the inspector reports them too. */
    public String sql() {
        return sql;
    }
}
