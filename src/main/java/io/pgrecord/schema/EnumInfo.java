package io.pgrecord.schema;

import java.util.List;

/**
 * An enum type.
 *
 * @param name the type name
 * @param schema its schema
 * @param visible whether the unqualified name resolves to it on the current search path
 * @param labels the labels in sort order (the order {@code ADD VALUE ... BEFORE/AFTER} gives)
 */
public record EnumInfo(String name, String schema, boolean visible, List<String> labels) {

    public EnumInfo {
        labels = List.copyOf(labels);
    }
}
