package io.pgrecord.schema;

import java.util.List;

/**
 * A table constraint: primary key, foreign key, unique, check or exclude. (PostgreSQL 18 also
 * records NOT NULL as constraints; those show as {@link ColumnInfo#nullable()} instead.)
 *
 * @param name the constraint name
 * @param type {@link #PRIMARY_KEY}, {@link #FOREIGN_KEY}, {@link #UNIQUE}, {@link #CHECK} or {@link #EXCLUDE}
 * @param columns the constrained columns, in key order; empty for a check on no column
 * @param definition the server's text, e.g. {@code CHECK (price > 0::numeric)} or
 *     {@code EXCLUDE USING gist (room WITH =, during WITH &&)}
 * @param deferrable whether the constraint is DEFERRABLE
 * @param initiallyDeferred whether it is INITIALLY DEFERRED
 */
public record ConstraintInfo(String name, String type, List<String> columns, String definition,
        boolean deferrable, boolean initiallyDeferred) {

    public static final String PRIMARY_KEY = "PRIMARY KEY";
    public static final String FOREIGN_KEY = "FOREIGN KEY";
    public static final String UNIQUE = "UNIQUE";
    public static final String CHECK = "CHECK";
    public static final String EXCLUDE = "EXCLUDE";

    public ConstraintInfo {
        columns = List.copyOf(columns);
    }
}
