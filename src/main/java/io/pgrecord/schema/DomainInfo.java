package io.pgrecord.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A domain.
 *
 * @param name the domain name
 * @param schema its schema
 * @param type the base type as {@code format_type} prints it, e.g. {@code integer}
 * @param nullable false for a NOT NULL domain
 * @param defaultValue the default expression, or null
 * @param checks the CHECK constraints as the server prints them, ordered by constraint name, e.g.
 *     {@code CHECK (VALUE > 0)}
 */
public record DomainInfo(String name, String schema, String type, boolean nullable, @Nullable String defaultValue,
        List<String> checks) {

    public DomainInfo {
        checks = List.copyOf(checks);
    }
}
