package io.pgrecord.schema;

import io.pgrecord.error.CheckViolationException;
import io.pgrecord.internal.schema.Identifiers;
import io.pgrecord.internal.schema.SqlFragments;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code CREATE DOMAIN} for {@link SchemaManager#createDomain(Domain)}: a base type with
 * NOT NULL, a DEFAULT and CHECK constraints, where {@code VALUE} stands for the value. Immutable;
 * arguments are checked when given.
 * {@snippet class=io.pgrecord.javadoc.SchemaExamplesTest region=domain}
 * A value that fails a check raises {@link CheckViolationException}. Model
 * fields of a domain type use the base type's Java type.
 */
public final class Domain {

    /** A CHECK constraint: its name, or null to let PostgreSQL choose, and its expression. */
    public record Check(@Nullable String name, String expression) {
    }

    private final String name;
    private final @Nullable String type;
    private final boolean notNull;
    private final @Nullable String defaultValue;
    private final List<Check> checks;

    private Domain(String name, @Nullable String type, boolean notNull, @Nullable String defaultValue, List<Check> checks) {
        this.name = name;
        this.type = type;
        this.notNull = notNull;
        this.defaultValue = defaultValue;
        this.checks = List.copyOf(checks);
    }

    /** A domain called {@code name} or {@code schema.name}; built-in type names are refused when created. */
    public static Domain named(String name) {
        Identifiers.qualified("domain name", name);
        return new Domain(name, null, false, null, List.of());
    }

    /** The base type, e.g. {@code integer}, {@code varchar(20)} or {@code numeric(10,2)}. */
    public Domain as(String type) {
        return new Domain(name, SqlFragments.typeName("domain base type", type), notNull, defaultValue, checks);
    }

    /** Values may not be NULL. */
    public Domain notNull() {
        return new Domain(name, type, true, defaultValue, checks);
    }

    /** A default SQL expression, e.g. {@code 1} or {@code 'n/a'}. */
    public Domain defaultValue(String sql) {
        return new Domain(name, type, notNull, SqlFragments.check("domain default", sql), checks);
    }

    /** Adds a CHECK, e.g. {@code VALUE > 0}. */
    public Domain check(String expression) {
        return withCheck(new Check(null, SqlFragments.check("domain check", expression)));
    }

    /** Adds a named CHECK. */
    public Domain check(String constraintName, String expression) {
        return withCheck(new Check(Identifiers.part("constraint name", constraintName),
                SqlFragments.check("domain check", expression)));
    }

    private Domain withCheck(Check check) {
        List<Check> list = new ArrayList<>(checks);
        list.add(check);
        return new Domain(name, type, notNull, defaultValue, list);
    }

    public String name() {
        return name;
    }

    /** The base type, or null until {@link #as(String)} is called. */
    public @Nullable String type() {
        return type;
    }

    public boolean isNotNull() {
        return notNull;
    }

    public @Nullable String defaultValue() {
        return defaultValue;
    }

    public List<Check> checks() {
        return checks;
    }

    @Override
    public String toString() {
        return "Domain[" + name + " as " + type + (notNull ? " not null" : "") + " " + checks + "]";
    }
}
