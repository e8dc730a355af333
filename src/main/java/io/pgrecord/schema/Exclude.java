package io.pgrecord.schema;

import io.pgrecord.error.ExclusionViolationException;
import io.pgrecord.internal.schema.Identifiers;
import io.pgrecord.internal.schema.SqlFragments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An {@code EXCLUDE} constraint for {@link SchemaManager#addExcludeConstraint(Exclude)}: no two
 * rows may match on every element's operator. Immutable; arguments are checked when given.
 * {@snippet class=io.pgrecord.javadoc.SchemaExamplesTest region=exclude}
 * A violation raises {@link ExclusionViolationException}.
 */
public final class Exclude {

    /**
     * One element: a column, or an expression in parentheses, and its operator.
     *
     * @param expression whether {@code key} is an expression given to
     *     {@link #elementExpression(String, String)}, not a column name (a column's name may start
     *     with a parenthesis too)
     */
    public record Element(String key, String operator, boolean expression) {

        /** An element whose key is an expression when it starts with a parenthesis, as before the flag existed. */
        public Element(String key, String operator) {
            this(key, operator, key.startsWith("("));
        }
    }

    private final String table;
    private final @Nullable String name;
    private final String method;
    private final List<Element> elements;
    private final @Nullable String predicate;
    private final boolean deferrable;
    private final boolean initiallyDeferred;

    private Exclude(String table, @Nullable String name, String method, List<Element> elements, @Nullable String predicate,
            boolean deferrable, boolean initiallyDeferred) {
        this.table = table;
        this.name = name;
        this.method = method;
        this.elements = List.copyOf(elements);
        this.predicate = predicate;
        this.deferrable = deferrable;
        this.initiallyDeferred = initiallyDeferred;
    }

    /** An exclusion constraint on a table, {@code name} or {@code schema.name}; gist by default. */
    public static Exclude on(String table) {
        Identifiers.qualified("table name", table);
        return new Exclude(table, null, "gist", List.of(), null, false, false);
    }

    /** The constraint name; without it PostgreSQL picks {@code <table>_<columns>_excl}. */
    public Exclude named(String name) {
        Identifiers.part("constraint name", name);
        return new Exclude(table, name, method, elements, predicate, deferrable, initiallyDeferred);
    }

    /** The index access method: gist (default) or spgist, or another that supports exclusion. */
    public Exclude using(String method) {
        String m = Identifiers.part("index method", method).toLowerCase(Locale.ROOT);
        return new Exclude(table, name, m, elements, predicate, deferrable, initiallyDeferred);
    }

    /** Adds a column compared with an operator, e.g. {@code ("room_id", "=")} or {@code ("during", "&&")}. */
    public Exclude element(String column, String operator) {
        return add(new Element(Identifiers.part("exclusion column", column), SqlFragments.operator("exclusion operator", operator),
                false));
    }

    /** Adds an expression compared with an operator, e.g. {@code ("lower(code)", "=")}. */
    public Exclude elementExpression(String sql, String operator) {
        return add(new Element("(" + SqlFragments.check("exclusion expression", sql) + ")",
                SqlFragments.operator("exclusion operator", operator), true));
    }

    private Exclude add(Element e) {
        List<Element> list = new ArrayList<>(elements);
        list.add(e);
        return new Exclude(table, name, method, list, predicate, deferrable, initiallyDeferred);
    }

    /** Applies the constraint only to rows matching a predicate, e.g. {@code NOT cancelled}. */
    public Exclude where(String predicate) {
        SqlFragments.check("exclusion predicate", predicate);
        return new Exclude(table, name, method, elements, predicate, deferrable, initiallyDeferred);
    }

    /** {@code DEFERRABLE}: a transaction may defer the check to COMMIT. */
    public Exclude deferrable() {
        return new Exclude(table, name, method, elements, predicate, true, initiallyDeferred);
    }

    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at COMMIT unless set otherwise. */
    public Exclude initiallyDeferred() {
        return new Exclude(table, name, method, elements, predicate, true, true);
    }

    public String table() {
        return table;
    }

    /** The given name, or null to let PostgreSQL choose. */
    public @Nullable String name() {
        return name;
    }

    public String method() {
        return method;
    }

    public List<Element> elements() {
        return elements;
    }

    public @Nullable String predicate() {
        return predicate;
    }

    public boolean isDeferrable() {
        return deferrable;
    }

    public boolean isInitiallyDeferred() {
        return initiallyDeferred;
    }

    @Override
    public String toString() {
        return "Exclude[" + (name == null ? "" : name + " ") + "on " + table + " using " + method + " " + elements + "]";
    }
}
