package io.pgrecord.schema;

import org.jspecify.annotations.Nullable;

/**
 * A relation listed by the {@link Inspector}: a table, view, materialized view, foreign table or
 * sequence.
 *
 * @param schema the schema, e.g. {@code public}
 * @param name the relation's name
 * @param kind one of {@code table}, {@code partitioned table}, {@code view},
 *     {@code materialized view}, {@code foreign table} and {@code sequence}
 * @param partitionOf for a partition, the name of its parent table (same schema or not), else null
 * @param comment the {@code COMMENT ON} text, or null
 */
public record TableInfo(String schema, String name, String kind, @Nullable String partitionOf, @Nullable String comment) {

    public static final String TABLE = "table";
    public static final String PARTITIONED_TABLE = "partitioned table";
    public static final String VIEW = "view";
    public static final String MATERIALIZED_VIEW = "materialized view";
    public static final String FOREIGN_TABLE = "foreign table";
    public static final String SEQUENCE = "sequence";
}
