package io.pgrecord.internal.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgrecord.Capability;
import io.pgrecord.Column;
import io.pgrecord.CreatedAt;
import io.pgrecord.Id;
import io.pgrecord.Sensitive;
import io.pgrecord.internal.exec.SensitiveColumns;
import io.pgrecord.SoftDelete;
import io.pgrecord.UpdatedAt;
import io.pgrecord.Version;
import io.pgrecord.internal.types.Json;
import io.pgrecord.internal.types.JsonText;
import io.pgrecord.internal.types.TypeMapper;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * One persisted field of a model: its column, its jOOQ type and method handles to read and
 * write it without per-row reflection.
 */
public final class FieldMeta {

    private final int index;
    private final String javaName;
    private final String column;
    private final Class<?> type;
    private final boolean primitive;
    private final MethodHandle getter;
    private final MethodHandle setter;
    private final DataType<Object> dataType;
    private final org.jooq.Field<Object> field;
    private final org.jooq.Field<Object> unqualified;
    private final boolean id;
    private final boolean version;
    private final boolean createdAt;
    private final boolean updatedAt;
    private final boolean softDelete;
    private final boolean generated;
    private final boolean json;
    private final boolean sensitive;
    private final Column columnAnnotation;
    private final String sqlType;
    private final Capability requires;

    @SuppressWarnings("unchecked")
    FieldMeta(Field f, int index, Name table, MethodHandles.Lookup lookup) throws IllegalAccessException {
        this.index = index;
        this.javaName = f.getName();
        this.columnAnnotation = f.getAnnotation(Column.class);
        this.column = columnAnnotation != null && !columnAnnotation.name().isBlank()
                ? columnAnnotation.name() : Names.snakeCase(f.getName());
        this.type = f.getType();
        this.primitive = type.isPrimitive();
        // exact (Object)Object and (Object,Object)void shapes: invokeExact on them stays cheap
        // where a VarHandle held in a field would adapt its types on every call
        VarHandle handle = lookup.unreflectVarHandle(f);
        this.getter = handle.toMethodHandle(VarHandle.AccessMode.GET)
                .asType(MethodType.methodType(Object.class, Object.class));
        this.setter = handle.toMethodHandle(VarHandle.AccessMode.SET)
                .asType(MethodType.methodType(void.class, Object.class, Object.class));
        this.dataType = (DataType<Object>) TypeMapper.forField(f);
        this.sqlType = TypeMapper.sqlType(f);
        this.field = TypeMapper.readExpression(DSL.field(table.append(column), dataType), sqlType);
        this.unqualified = DSL.field(DSL.name(column), dataType);
        this.id = f.isAnnotationPresent(Id.class);
        this.version = f.isAnnotationPresent(Version.class);
        this.createdAt = f.isAnnotationPresent(CreatedAt.class);
        this.updatedAt = f.isAnnotationPresent(UpdatedAt.class);
        this.softDelete = f.isAnnotationPresent(SoftDelete.class);
        this.generated = columnAnnotation != null && !columnAnnotation.generated().isBlank();
        // json, jsonb and their arrays compare by parsed value, and snapshots are deep copies
        this.json = sqlType.matches("jsonb?(\\[])*") && type != String.class;
        this.requires = TypeMapper.requiredCapability(f);
        this.sensitive = f.isAnnotationPresent(Sensitive.class);
        if (sensitive) {
            SensitiveColumns.add(table.last(), column);   // the SQL log masks its binds
        }
    }

    /** The capability this field's PostgreSQL type needs, or null. */
    public Capability requires() {
        return requires;
    }

    public Object get(Object model) {
        try {
            return (Object) getter.invokeExact(model);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The {@code (Object model, Object value) void} setter, for composing; {@link #set} checks nulls. */
    MethodHandle setter() {
        return setter;
    }

    /** Writes a value; a null for a primitive field leaves the field as it is. */
    public void set(Object model, Object value) {
        if (value == null && primitive) {
            return;
        }
        try {
            setter.invokeExact(model, value);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e);
    }

    /** A copy of a value that later in-place changes cannot reach, for dirty checks. */
    public Object snapshot(Object value) {
        if (value == null) {
            return null;
        }
        if (json) {
            // a JsonNode field's tree is mutable: copy it, or in-place edits would reach the snapshot
            if (value instanceof JsonNode node) {
                return node.deepCopy();
            }
            JsonNode tree = defaultTree(value);
            return tree != null ? tree : UNCOMPARED;
        }
        if (value instanceof Object[] a) {
            return deepCopy(a);
        }
        if (value.getClass().isArray()) {
            return primitives(value);
        }
        if (value instanceof List<?> l) {
            // one array copy; the snapshot is only compared, never changed
            Object[] copy = l.toArray();
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] instanceof List<?> || copy[i] instanceof Object[]) {
                    copy[i] = snapshot(copy[i]);
                }
            }
            return Arrays.asList(copy);
        }
        if (value instanceof Map<?, ?> m) {
            return new LinkedHashMap<>(m);
        }
        return value;
    }

    /** Whether the current value equals the snapshot, comparing JSON by parsed value and numerics by value. */
    public boolean sameAs(Object snapshot, Object current) {
        if (snapshot == null || current == null) {
            return snapshot == current;
        }
        if (json) {
            JsonNode now = snapshot == UNCOMPARED ? null : defaultTree(current);
            if (now == null) {
                return false;
            }
            // a tree's snapshot may be the text it was read from (RecordState.markPersisted)
            JsonNode before = snapshot instanceof JsonText text ? text.tree() : (JsonNode) snapshot;
            return before.equals(NUMBERS_BY_VALUE, now);
        }
        if (snapshot instanceof BigDecimal a && current instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        if (snapshot instanceof OffsetDateTime a && current instanceof OffsetDateTime b) {
            // a timestamptz stores the instant: the same one at another offset writes nothing new
            return a.isEqual(b);
        }
        return Objects.deepEquals(snapshot, current);
    }

    /**
     * The snapshot of a JSON value the default mapper cannot write, such as a class only the
     * backend's {@code jsonMapper} has a serializer for: it is never the same as the current
     * value, so such a field is written by every update.
     */
    private static final Object UNCOMPARED = new Object();

    /**
     * The tree the default mapper makes of a JSON value, which dirty checks compare; null when
     * it cannot write the value (no serializer for its class), which only the backend's mapper
     * may know.
     */
    private static JsonNode defaultTree(Object value) {
        try {
            return Json.tree(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * JSON values compared as jsonb compares them: numbers by value, so a map's {@code 1} that
     * became {@code 1L} (an int node, then a long one) is no change.
     */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber() && finite(a) && finite(b)) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return 1;
    };

    /** Whether a number node has a decimal value: a double's NaN or infinity has none. */
    private static boolean finite(JsonNode n) {
        return !n.isFloatingPointNumber() || Double.isFinite(n.doubleValue());
    }

    private static Object[] deepCopy(Object[] a) {
        Object[] copy = a.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof Object[] inner) {
                copy[i] = deepCopy(inner);
            } else if (copy[i] != null && copy[i].getClass().isArray()) {
                copy[i] = primitives(copy[i]);
            }
        }
        return copy;
    }

    /** A copy of an array of primitives (bytea's {@code byte[]}, an {@code int[]} ...). */
    private static Object primitives(Object array) {
        return switch (array) {
            case byte[] a -> a.clone();
            case int[] a -> a.clone();
            case long[] a -> a.clone();
            case short[] a -> a.clone();
            case double[] a -> a.clone();
            case float[] a -> a.clone();
            case boolean[] a -> a.clone();
            case char[] a -> a.clone();
            default -> array;
        };
    }

    /** The position among the model's fields, and so in its projection and RETURNING rows. */
    public int index() {
        return index;
    }

    public String javaName() {
        return javaName;
    }

    public String column() {
        return column;
    }

    public Class<?> type() {
        return type;
    }

    public DataType<Object> dataType() {
        return dataType;
    }

    /** The {@code @Column(type)}, lower case, or empty. */
    public String sqlType() {
        return sqlType;
    }

    /**
     * The column qualified by the model's table, typed; for a money column the exact
     * {@code cast(col as numeric)}, see {@link TypeMapper#readExpression}.
     */
    public org.jooq.Field<Object> field() {
        return field;
    }

    /**
     * {@link #field()} as a projection selects it: a money column's cast named as the column, so
     * that a record, a CTE or a derived table made of the projection has the column by its name.
     */
    public org.jooq.SelectField<Object> selected() {
        return sqlType.equals("money") ? field.as(column) : field;
    }

    /** The bare column name, typed: for INSERT column lists and SET clauses. */
    public org.jooq.Field<Object> unqualified() {
        return unqualified;
    }

    /**
     * Whether the field's Java value reads differently from the column's text: an enum (its
     * constant, not its label) or a JSON value (a Map's {@code toString()}, not JSON).
     */
    public boolean textDiffersFromValue() {
        return type.isEnum() || json;
    }

    public boolean isId() {
        return id;
    }

    public boolean isVersion() {
        return version;
    }

    public boolean isCreatedAt() {
        return createdAt;
    }

    public boolean isUpdatedAt() {
        return updatedAt;
    }

    public boolean isSoftDelete() {
        return softDelete;
    }

    /** {@link Sensitive}: its value is never printed. */
    public boolean isSensitive() {
        return sensitive;
    }

    /** A generated column: computed by the server, never written. */
    public boolean isGenerated() {
        return generated;
    }

    public Column columnAnnotation() {
        return columnAnnotation;
    }

    @Override
    public String toString() {
        return javaName + " -> " + column;
    }
}
