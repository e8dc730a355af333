package io.pgrecord.schema;

import io.pgrecord.ReferentialAction;
import java.util.List;

/**
 * A foreign key of a table.
 *
 * @param name the constraint name, e.g. {@code posts_user_id_fkey}
 * @param columns the referencing columns, in order
 * @param referencedTable the referenced table's name, unqualified
 * @param referencedColumns the referenced columns, in order
 * @param onDelete {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE}, {@code SET NULL} or
 *     {@code SET DEFAULT}, as in {@link ReferentialAction#sql()}
 * @param referencedSchema the referenced table's schema
 * @param onUpdate the {@code ON UPDATE} action, in the same words as {@code onDelete}
 * @param deferrable whether the constraint is DEFERRABLE
 * @param initiallyDeferred whether it is INITIALLY DEFERRED
 */
public record ForeignKeyInfo(
        String name,
        List<String> columns,
        String referencedTable,
        List<String> referencedColumns,
        String onDelete,
        String referencedSchema,
        String onUpdate,
        boolean deferrable,
        boolean initiallyDeferred) {

    public ForeignKeyInfo {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
