package io.pgrecord.schema;

import io.pgrecord.internal.schema.Identifiers;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How {@link SchemaManager#createTable(Class, TableOptions)} creates a model's table:
 * {@code UNLOGGED}, {@code TEMPORARY} with {@code ON COMMIT}, {@code INHERITS} or
 * {@code PARTITION BY}. Immutable; contradictory choices fail here with an
 * {@link IllegalArgumentException}.
 * {@snippet class=io.pgrecord.javadoc.SchemaExamplesTest region=table-options}
 * A temporary table belongs to the session that created it: with a pool, use it inside one
 * transaction, or on a backend with one connection.
 */
public final class TableOptions {

    /** What a temporary table does at COMMIT. */
    public enum OnCommit {
        PRESERVE_ROWS("PRESERVE ROWS"),
        DELETE_ROWS("DELETE ROWS"),
        DROP("DROP");

        private final String sql;

        OnCommit(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** The partitioning strategy ({@code HASH} needs PostgreSQL 11+). */
    public enum PartitionBy {
        RANGE, LIST, HASH
    }

    private static final TableOptions DEFAULTS = new TableOptions(false, false, null, List.of(), null, List.of());

    private final boolean unlogged;
    private final boolean temporary;
    private final @Nullable OnCommit onCommit;
    private final List<String> inherits;
    private final @Nullable PartitionBy partitionBy;
    private final List<String> partitionKeys;

    private TableOptions(boolean unlogged, boolean temporary, @Nullable OnCommit onCommit, List<String> inherits,
            @Nullable PartitionBy partitionBy, List<String> partitionKeys) {
        this.unlogged = unlogged;
        this.temporary = temporary;
        this.onCommit = onCommit;
        this.inherits = List.copyOf(inherits);
        this.partitionBy = partitionBy;
        this.partitionKeys = List.copyOf(partitionKeys);
    }

    /** A plain, logged, permanent table. */
    public static TableOptions defaults() {
        return DEFAULTS;
    }

    /** {@code UNLOGGED}: faster writes, emptied after a crash, not replicated. */
    public TableOptions unlogged() {
        if (temporary) {
            throw new IllegalArgumentException("a table cannot be both UNLOGGED and TEMPORARY");
        }
        return new TableOptions(true, false, onCommit, inherits, partitionBy, partitionKeys);
    }

    /** {@code TEMPORARY}: visible to this session only, dropped when it ends. */
    public TableOptions temporary() {
        if (unlogged) {
            throw new IllegalArgumentException("a table cannot be both UNLOGGED and TEMPORARY");
        }
        return new TableOptions(false, true, onCommit, inherits, partitionBy, partitionKeys);
    }

    /** {@code TEMPORARY ... ON COMMIT PRESERVE ROWS | DELETE ROWS | DROP}. */
    public TableOptions temporary(OnCommit onCommit) {
        TableOptions t = temporary();
        return new TableOptions(false, true, Objects.requireNonNull(onCommit, "onCommit"), t.inherits,
                t.partitionBy, t.partitionKeys);
    }

    /** {@code INHERITS (parent, ...)}: the table also has the parents' columns. */
    public TableOptions inherits(String... parents) {
        if (partitionBy != null) {
            throw new IllegalArgumentException("a partitioned table cannot use INHERITS");
        }
        for (String p : parents) {
            Identifiers.qualified("parent table", p);
        }
        return new TableOptions(unlogged, temporary, onCommit, List.of(parents), partitionBy, partitionKeys);
    }

    /** {@code PARTITION BY RANGE (columns)}; add partitions with {@link SchemaManager#createPartition}. */
    public TableOptions partitionByRange(String... columns) {
        return partitioned(PartitionBy.RANGE, columns);
    }

    /** {@code PARTITION BY LIST (column)}. */
    public TableOptions partitionByList(String column) {
        return partitioned(PartitionBy.LIST, column);
    }

    /** {@code PARTITION BY HASH (columns)}, PostgreSQL 11+. */
    public TableOptions partitionByHash(String... columns) {
        return partitioned(PartitionBy.HASH, columns);
    }

    private TableOptions partitioned(PartitionBy by, String... columns) {
        if (!inherits.isEmpty()) {
            throw new IllegalArgumentException("a partitioned table cannot use INHERITS");
        }
        Identifiers.columns("partition key", List.of(columns));
        return new TableOptions(unlogged, temporary, onCommit, inherits, by, List.of(columns));
    }

    public boolean isUnlogged() {
        return unlogged;
    }

    public boolean isTemporary() {
        return temporary;
    }

    public @Nullable OnCommit onCommit() {
        return onCommit;
    }

    public List<String> inherits() {
        return inherits;
    }

    public @Nullable PartitionBy partitionBy() {
        return partitionBy;
    }

    /** The partition key columns, by column or Java field name. */
    public List<String> partitionKeys() {
        return partitionKeys;
    }

    @Override
    public String toString() {
        return "TableOptions[" + (unlogged ? "unlogged " : "") + (temporary ? "temporary " : "")
                + (onCommit == null ? "" : "on commit " + onCommit.sql() + " ")
                + (inherits.isEmpty() ? "" : "inherits " + inherits + " ")
                + (partitionBy == null ? "" : "partition by " + partitionBy + " " + partitionKeys) + "]";
    }
}
