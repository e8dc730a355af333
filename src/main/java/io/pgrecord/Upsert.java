package io.pgrecord;

import io.pgrecord.internal.query.Sql;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;

/**
 * How an upsert resolves a conflict: the conflict target (columns, optionally with the
 * predicate of a partial unique index, or a constraint name) and the action (DO NOTHING, or DO
 * UPDATE of some or all other columns from {@code EXCLUDED}, optionally only WHERE a condition
 * holds). Immutable.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=upsert}
 */
public final class Upsert {

    private final List<String> columns;
    private final @Nullable String constraint;
    private final @Nullable Condition indexPredicate;
    private final boolean doNothing;
    private final List<String> set;
    private final @Nullable Condition updateWhere;

    private Upsert(List<String> columns, @Nullable String constraint, @Nullable Condition indexPredicate,
            boolean doNothing, List<String> set, @Nullable Condition updateWhere) {
        this.columns = columns;
        this.constraint = constraint;
        this.indexPredicate = indexPredicate;
        this.doNothing = doNothing;
        this.set = set;
        this.updateWhere = updateWhere;
    }

    /** Conflicts on these columns (names or Java field names); none means the primary key. */
    public static Upsert on(String... columns) {
        return new Upsert(List.of(columns), null, null, false, List.of(), null);
    }

    /** Conflicts on a named unique or exclusion constraint: {@code ON CONFLICT ON CONSTRAINT name}. */
    public static Upsert onConstraint(String constraintName) {
        Objects.requireNonNull(constraintName, "constraintName");
        return new Upsert(List.of(), constraintName, null, false, List.of(), null);
    }

    /** The predicate of the partial unique index the columns belong to: {@code ON CONFLICT (cols) WHERE ...}. */
    public Upsert where(Condition indexPredicate) {
        requireColumns("where(...)");
        return new Upsert(columns, constraint, indexPredicate, doNothing, set, updateWhere);
    }

    /** As {@link #where(Condition)}, as SQL with {@code ?} binds. */
    public Upsert where(String sql, @Nullable Object... binds) {
        return where(Sql.condition(sql, binds));
    }

    /** {@code DO NOTHING}: an existing row is kept as it is. */
    public Upsert doNothing() {
        return new Upsert(columns, constraint, indexPredicate, true, List.of(), null);
    }

    /** Updates only these columns from {@code EXCLUDED} (default: every inserted column but the keys). */
    public Upsert set(String... columns) {
        return new Upsert(this.columns, constraint, indexPredicate, false, List.of(columns), updateWhere);
    }

    /** {@code DO UPDATE ... WHERE condition}: a conflicting row that fails it stays unchanged. */
    public Upsert updateWhere(Condition condition) {
        return new Upsert(columns, constraint, indexPredicate, false, set, condition);
    }

    private void requireColumns(String what) {
        if (constraint != null) {
            throw new IllegalStateException(what + " needs a column conflict target, not a constraint");
        }
    }

    public List<String> columns() {
        return columns;
    }

    public @Nullable String constraint() {
        return constraint;
    }

    public @Nullable Condition indexPredicate() {
        return indexPredicate;
    }

    public boolean isDoNothing() {
        return doNothing;
    }

    public List<String> setColumns() {
        return set;
    }

    public @Nullable Condition updateWhere() {
        return updateWhere;
    }
}
