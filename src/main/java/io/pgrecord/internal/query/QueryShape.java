package io.pgrecord.internal.query;

import io.pgrecord.internal.query.QuerySpec.DeletedScope;
import io.pgrecord.internal.types.ColumnKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jooq.DataType;
import org.jooq.Param;

/**
 * What decides a {@link QuerySpec}'s SQL while every part of it is SQL text, a model column or a
 * key lookup, and the binds whose values change between queries of that shape. With them a
 * statement is rendered once per shape (see {@link #key}).
 *
 * <p>Immutable, and built one part at a time as a query is: each part links to the parts before
 * it, so adding one copies nothing, and its hash is computed once.
 */
final class QueryShape {

    /** The shape of a query with no keyed part yet. */
    static final QueryShape EMPTY = new QueryShape(null, null, 0, true);

    /** The part of a lookup by primary key. */
    private static final String ID = "id";

    private final Part parts;
    private final Slot slots;
    private final int slotCount;
    private final boolean keyed;

    private QueryShape(Part parts, Slot slots, int slotCount, boolean keyed) {
        this.parts = parts;
        this.slots = slots;
        this.slotCount = slotCount;
        this.keyed = keyed;
    }

    /**
     * This shape with one more part: {@code key} describes it, {@code params} are its binds.
     * A bind of a type only jOOQ can bind makes the shape {@link #unkeyed}.
     */
    QueryShape plus(Object key, List<? extends Param<?>> params) {
        return plus(key, params.toArray(new Param<?>[0]));
    }

    /** As {@link #plus(Object, List)}, with the binds in an array. */
    private QueryShape plus(Object key, Param<?>[] params) {
        if (!keyed) {
            return this;
        }
        Slot s = slots;
        for (Param<?> p : params) {
            if (ColumnKind.of(p.getDataType()) == null) {
                return unkeyed();
            }
            s = new Slot(s, p);
        }
        return new QueryShape(new Part(parts, key), s, slotCount + params.length, true);
    }

    /** This shape with one more part that has no binds. */
    QueryShape plus(Object key) {
        return keyed ? new QueryShape(new Part(parts, key), slots, slotCount, true) : this;
    }

    /** SQL text whose binds are all plain values, keyed by the text and the binds' types. */
    QueryShape plusSql(String sql, Param<?>[] params) {
        if (!keyed) {
            return this;
        }
        // each bind's cast type name and kind, side by side
        Object[] types = new Object[2 * params.length];
        for (int i = 0; i < params.length; i++) {
            // the cast a bind in SQL text gets follows its data type, so the type is part of the shape
            DataType<?> type = params[i].getDataType();
            ColumnKind kind = ColumnKind.of(type);
            if (kind == null) {
                return unkeyed();
            }
            types[2 * i] = type.getCastTypeName();
            types[2 * i + 1] = kind;
        }
        return plus(new SqlPart(sql, types), params);
    }

    /** A lookup by primary key; {@code params} are the key's binds. */
    QueryShape plusId(List<? extends Param<?>> params) {
        return plus(ID, params);
    }

    /** {@code column IN (params)}: one statement per number of keys. */
    QueryShape plusIn(String column, List<? extends Param<?>> params) {
        return plus(new InPart(column, params.size()), params);
    }

    /** {@code column = any(array)}: one statement for any number of keys. */
    QueryShape plusAny(String column, Param<?> array) {
        return plus(new AnyPart(column), new Param<?>[] {array});
    }

    /** ORDER BY model columns by name. */
    QueryShape plusOrder(List<?> namedOrders) {
        return keyed ? plus(List.copyOf(namedOrders)) : this;
    }

    /** This shape once a part only jOOQ can render is added: it has no key, and gains no part. */
    QueryShape unkeyed() {
        return keyed ? new QueryShape(parts, slots, slotCount, false) : this;
    }

    /**
     * The key of the statement, or null when it is unkeyed: the parts, and what the rest of the
     * query adds to the SQL. The limit is written into the SQL and so is part of the key: with a
     * bound LIMIT the server cannot cost a generic plan and plans the statement again on every run.
     */
    Object key(Integer limit, boolean offset, DeletedScope deleted) {
        return keyed ? new Key(parts, limit, offset, deleted) : null;
    }

    /** The key of the statement of {@code s}, or null when only jOOQ can render it. */
    static Object keyOf(QuerySpec s) {
        return s.shape.key(s.limit, s.offsetParam != null, s.deleted);
    }

    /** The binds whose values change between queries of the shape of {@code s}: its keyed parts' and the offset. */
    static List<Param<?>> slotParamsOf(QuerySpec s) {
        return s.shape.slotParams(s.offsetParam);
    }

    /** The values of {@link #slotParamsOf}, in that order. */
    static Object[] slotValuesOf(QuerySpec s) {
        return s.shape.slotValues(s.offsetParam, s.offset);
    }

    /** The binds whose values change between queries of this shape, then {@code offset} if any. */
    List<Param<?>> slotParams(Param<Long> offset) {
        Param<?>[] all = new Param<?>[slotCount + (offset != null ? 1 : 0)];
        int i = slotCount;
        for (Slot s = slots; s != null; s = s.prev) {
            all[--i] = s.param;
        }
        if (offset != null) {
            all[slotCount] = offset;
        }
        return new ArrayList<>(Arrays.asList(all));
    }

    /** The values of {@link #slotParams}, in that order. */
    Object[] slotValues(Param<Long> offset, Integer offsetValue) {
        Object[] values = new Object[slotCount + (offset != null ? 1 : 0)];
        int i = slotCount;
        for (Slot s = slots; s != null; s = s.prev) {
            values[--i] = s.value;
        }
        if (offset != null) {
            values[slotCount] = (long) offsetValue;
        }
        return values;
    }

    /** The parts of a shape, last first; equal when the same parts were added in the same order. */
    private static final class Part {
        final Part prev;
        final Object key;
        final int hash;

        Part(Part prev, Object key) {
            this.prev = prev;
            this.key = key;
            this.hash = 31 * (prev == null ? 0 : prev.hash) + Objects.hashCode(key);
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            Part a = this;
            Part b = o instanceof Part p ? p : null;
            while (a != null && b != null) {
                if (a.hash != b.hash || !sameKey(a.key, b.key)) {
                    return false;
                }
                a = a.prev;
                b = b.prev;
                if (a == b) {
                    return true;
                }
            }
            return a == b;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        /**
         * Whether two part keys are equal; lists (an ORDER BY's) element by element, as
         * {@code List.equals} makes an iterator on every look-up of a cached statement.
         */
        private static boolean sameKey(Object a, Object b) {
            if (a instanceof List<?> x && b instanceof List<?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!Objects.equals(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return Objects.equals(a, b);
        }
    }

    /** A keyed part's bind and the value it had when the part was added, last first. */
    private static final class Slot {
        final Slot prev;
        final Param<?> param;
        final Object value;

        Slot(Slot prev, Param<?> param) {
            this.prev = prev;
            this.param = param;
            this.value = param.getValue();
        }
    }

    private record Key(Part parts, Integer limit, boolean offset, DeletedScope deleted) {
    }

    /**
     * SQL text and the cast type name and kind of each of its binds, side by side in an array,
     * compared by content (a list would make an iterator to compare).
     */
    private record SqlPart(String sql, Object[] types) {

        @Override
        public boolean equals(Object o) {
            return o instanceof SqlPart p && sql.equals(p.sql) && Arrays.equals(types, p.types);
        }

        @Override
        public int hashCode() {
            return 31 * sql.hashCode() + Arrays.hashCode(types);
        }

        @Override
        public String toString() {
            return sql + " " + Arrays.toString(types);
        }
    }

    private record InPart(String column, int size) {
    }

    private record AnyPart(String column) {
    }
}
