package io.pgrecord.schema;

import io.pgrecord.internal.schema.Identifiers;
import io.pgrecord.internal.schema.SqlFragments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@code CREATE INDEX} for {@link SchemaManager#createIndex(Index)}. Immutable: every method
 * returns a new builder, and each argument is checked when given, so a bad name fails here, long
 * before any SQL.
 * {@snippet class=io.pgrecord.javadoc.SchemaExamplesTest region=index}
 * Without {@link #named(String)} the index is called {@code <table>_<columns>_idx} (expression
 * keys count as {@code expr}), cut to PostgreSQL's 63 bytes.
 */
public final class Index {

    /** The access methods PostgreSQL ships; extensions may add more, e.g. {@code bloom}. */
    public static final Set<String> METHODS = Set.of("btree", "hash", "gist", "gin", "brin", "spgist");

    private final String table;
    private final @Nullable String name;
    private final List<Key> keys;
    private final @Nullable String method;
    private final @Nullable String predicate;
    private final List<String> include;
    private final boolean unique;
    private final boolean nullsNotDistinct;
    private final boolean concurrently;
    private final boolean ifNotExists;

    /** A key column, or an expression kept in its parentheses. */
    private record Key(String text, boolean expression) {
        @Override
        public String toString() {
            return text;
        }
    }

    private Index(String table, @Nullable String name, List<Key> keys, @Nullable String method, @Nullable String predicate,
            List<String> include, boolean unique, boolean nullsNotDistinct, boolean concurrently, boolean ifNotExists) {
        this.table = table;
        this.name = name;
        this.keys = List.copyOf(keys);
        this.method = method;
        this.predicate = predicate;
        this.include = List.copyOf(include);
        this.unique = unique;
        this.nullsNotDistinct = nullsNotDistinct;
        this.concurrently = concurrently;
        this.ifNotExists = ifNotExists;
    }

    /** An index on a table, {@code name} or {@code schema.name}. */
    public static Index on(String table) {
        Identifiers.qualified("table name", table);
        return new Index(table, null, List.of(), null, null, List.of(), false, false, false, false);
    }

    /** The index name (unqualified: an index lives in its table's schema). */
    public Index named(String name) {
        Identifiers.part("index name", name);
        return new Index(table, name, keys, method, predicate, include, unique, nullsNotDistinct, concurrently, ifNotExists);
    }

    /** Adds key columns, in order. */
    public Index columns(String... columns) {
        List<Key> k = new ArrayList<>(keys);
        for (String c : columns) {
            k.add(new Key(Identifiers.part("index column", c), false));
        }
        return new Index(table, name, k, method, predicate, include, unique, nullsNotDistinct, concurrently, ifNotExists);
    }

    /** Adds an expression key, e.g. {@code lower(email)}; {@link #columns()} shows it in parentheses. */
    public Index expression(String sql) {
        List<Key> k = new ArrayList<>(keys);
        k.add(new Key("(" + SqlFragments.check("index expression", sql) + ")", true));
        return new Index(table, name, k, method, predicate, include, unique, nullsNotDistinct, concurrently, ifNotExists);
    }

    /** The access method: btree (default), hash, gist, gin, brin, spgist, or an extension's. */
    public Index using(String method) {
        String m = Identifiers.part("index method", method).toLowerCase(Locale.ROOT);
        return new Index(table, name, keys, m, predicate, include, unique, nullsNotDistinct, concurrently, ifNotExists);
    }

    /** Makes a partial index: only rows matching the predicate, e.g. {@code deleted_at IS NULL}. */
    public Index where(String predicate) {
        SqlFragments.check("index predicate", predicate);
        return new Index(table, name, keys, method, predicate, include, unique, nullsNotDistinct, concurrently, ifNotExists);
    }

    /** Non-key columns stored in the index ({@code INCLUDE}, PostgreSQL 11+). */
    public Index include(String... columns) {
        List<String> i = new ArrayList<>(include);
        for (String c : columns) {
            i.add(Identifiers.part("included column", c));
        }
        return new Index(table, name, keys, method, predicate, i, unique, nullsNotDistinct, concurrently, ifNotExists);
    }

    /** A UNIQUE index. */
    public Index unique() {
        return new Index(table, name, keys, method, predicate, include, true, nullsNotDistinct, concurrently, ifNotExists);
    }

    /** Unique with NULLs treated as equal ({@code NULLS NOT DISTINCT}, PostgreSQL 15+); implies {@link #unique()}. */
    public Index nullsNotDistinct() {
        return new Index(table, name, keys, method, predicate, include, true, true, concurrently, ifNotExists);
    }

    /** {@code CREATE INDEX CONCURRENTLY}: no write lock, but it cannot run inside a transaction. */
    public Index concurrently() {
        return new Index(table, name, keys, method, predicate, include, unique, nullsNotDistinct, true, ifNotExists);
    }

    /** {@code IF NOT EXISTS}: nothing happens when an index of that name exists. */
    public Index ifNotExists() {
        return new Index(table, name, keys, method, predicate, include, unique, nullsNotDistinct, concurrently, true);
    }

    public String table() {
        return table;
    }

    /** The given name, or the default {@code <table>_<columns>_idx}. */
    public String name() {
        if (name != null) {
            return name;
        }
        StringBuilder sb = new StringBuilder(Identifiers.qualified("table name", table).last());
        for (Key k : keys) {
            sb.append('_').append(k.expression() ? "expr" : k.text());
        }
        return Identifiers.truncated(sb.toString(), "_idx");
    }

    /** The keys in order: column names, and expressions in parentheses. */
    public List<String> columns() {
        return keys.stream().map(Key::text).toList();
    }

    /**
     * Whether the key at this position of {@link #columns()} is an expression given to
     * {@link #expression(String)}, not a column name (a column's name may start with a
     * parenthesis too).
     */
    public boolean isExpression(int position) {
        return keys.get(position).expression();
    }

    /** The access method, or null for the default (btree). */
    public @Nullable String method() {
        return method;
    }

    public @Nullable String predicate() {
        return predicate;
    }

    public List<String> include() {
        return include;
    }

    public boolean isUnique() {
        return unique;
    }

    public boolean isNullsNotDistinct() {
        return nullsNotDistinct;
    }

    public boolean isConcurrently() {
        return concurrently;
    }

    public boolean isIfNotExists() {
        return ifNotExists;
    }

    @Override
    public String toString() {
        return "Index[" + name() + " on " + table + " " + keys + (method == null ? "" : " using " + method) + "]";
    }
}
