package io.pgrecord.schema;

import io.pgrecord.internal.schema.Identifiers;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A partition of a partitioned table, for {@link SchemaManager#createPartition(Partition)}:
 * {@code CREATE TABLE name PARTITION OF parent FOR VALUES ...}. Bounds are Java values
 * ({@code LocalDate}, numbers, strings...) sent as typed SQL literals, or {@link #MINVALUE} and
 * {@link #MAXVALUE}.
 * {@snippet class=io.pgrecord.javadoc.SchemaExamplesTest region=partition}
 */
public final class Partition {

    /** The unbounded lower end of a range partition. */
    public static final Object MINVALUE = new Bound("MINVALUE");
    /** The unbounded upper end of a range partition. */
    public static final Object MAXVALUE = new Bound("MAXVALUE");

    /** The kind of bound. */
    public enum Kind { RANGE, LIST, HASH, DEFAULT }

    private record Bound(String sql) {
        @Override
        public String toString() {
            return sql;
        }
    }

    private final String name;
    private final @Nullable String parent;
    private final @Nullable Kind kind;
    private final List<@Nullable Object> values;

    private Partition(String name, @Nullable String parent, @Nullable Kind kind, List<@Nullable Object> values) {
        this.name = name;
        this.parent = parent;
        this.kind = kind;
        this.values = values;
    }

    /** A partition called {@code name} or {@code schema.name}. */
    public static Partition named(String name) {
        Identifiers.qualified("partition name", name);
        return new Partition(name, null, null, List.of());
    }

    /** The partitioned table it belongs to. */
    public Partition of(String parent) {
        Identifiers.qualified("partitioned table", parent);
        return new Partition(name, parent, kind, values);
    }

    /** {@code FOR VALUES FROM (from) TO (to)}: from inclusive, to exclusive. */
    public Partition range(Object from, Object to) {
        return new Partition(name, parent, Kind.RANGE, List.of(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")));
    }

    /** {@code FOR VALUES IN (values)}; a null value takes the NULL rows. */
    public Partition in(@Nullable Object... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a list partition needs at least one value");
        }
        return new Partition(name, parent, Kind.LIST, Collections.unmodifiableList(Arrays.asList(values.clone())));
    }

    /** {@code FOR VALUES WITH (MODULUS m, REMAINDER r)}. */
    public Partition hash(int modulus, int remainder) {
        if (modulus < 1 || remainder < 0 || remainder >= modulus) {
            throw new IllegalArgumentException("hash partition needs modulus >= 1 and 0 <= remainder < modulus, got "
                    + modulus + " and " + remainder);
        }
        return new Partition(name, parent, Kind.HASH, List.of(modulus, remainder));
    }

    /** {@code DEFAULT}: the rows no other partition takes. */
    public Partition asDefault() {
        return new Partition(name, parent, Kind.DEFAULT, List.of());
    }

    public String name() {
        return name;
    }

    public @Nullable String parent() {
        return parent;
    }

    public @Nullable Kind kind() {
        return kind;
    }

    /** The bound values: from and to, the list, or modulus and remainder. */
    public List<@Nullable Object> values() {
        return values;
    }

    /** Whether a bound value is {@link #MINVALUE} or {@link #MAXVALUE}. */
    public static boolean isUnbounded(Object value) {
        return value instanceof Bound;
    }

    @Override
    public String toString() {
        return "Partition[" + name + " of " + parent + " " + kind + " " + values + "]";
    }
}
