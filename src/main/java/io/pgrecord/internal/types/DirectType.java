package io.pgrecord.internal.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.UUID;
import org.jooq.Converter;
import org.jooq.DataType;

/**
 * How the direct path (statements sent without jOOQ, see {@link ColumnKind}) carries one bind or
 * result column: the {@link ColumnKind} the driver reads and binds, and, for a field type that
 * travels as text (JSON, inet, enums, the {@code io.pgrecord.types} values) or as a list or an
 * array of primitives over a plain array, the conversion between the driver's value and the
 * field's, which is the one jOOQ's binding would apply. A JSON conversion uses the backend's mapper, as on jOOQ's path.
 */
public final class DirectType {

    private static final DirectType[] PLAIN = new DirectType[ColumnKind.values().length];

    static {
        for (ColumnKind kind : ColumnKind.values()) {
            PLAIN[kind.ordinal()] = new DirectType(kind, null, false);
        }
    }

    private final ColumnKind kind;
    private final Converter<?, ?> conversion;
    private final boolean jsonTree;
    private final boolean readSnapshot;

    private DirectType(ColumnKind kind, Converter<?, ?> conversion, boolean listOfArray) {
        this.kind = kind;
        this.conversion = conversion;
        this.jsonTree = conversion instanceof JsonConverter<?> && JsonNode.class.isAssignableFrom(conversion.toType());
        this.readSnapshot = jsonTree || listOfArray;
    }

    /** A value passed to and read from the driver as it is. */
    public static DirectType plain(ColumnKind kind) {
        return PLAIN[kind.ordinal()];
    }

    /** The plain types of these kinds, e.g. for a catalog query's columns. */
    public static DirectType[] plain(ColumnKind... kinds) {
        DirectType[] types = new DirectType[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            types[i] = plain(kinds[i]);
        }
        return types;
    }

    /** A value the driver carries as {@code kind}, converted to and from the field's type by {@code conversion}. */
    static DirectType converted(ColumnKind kind, Converter<?, ?> conversion) {
        return new DirectType(kind, conversion, false);
    }

    /**
     * A list field over a one-dimensional array the driver reads as an {@code Object[]} of
     * immutable elements; {@code conversion} copies that array into the field's list.
     */
    static DirectType listOfArray(ColumnKind kind, Converter<?, ?> conversion) {
        return new DirectType(kind, conversion, true);
    }

    /**
     * The direct type of a jOOQ data type, or null when only jOOQ's binding can carry it: a
     * binding the direct path does not know, or a text type whose SQL depends on the value or on
     * the server (see {@link TextBinding#direct()}). Allocates nothing.
     */
    public static DirectType of(DataType<?> dataType) {
        Object binding = dataType.getBinding();
        if (binding instanceof TextBinding<?, ?> text) {
            return text.direct();
        }
        if (binding instanceof ArrayFieldBinding<?, ?> field) {
            return field.direct();
        }
        ColumnKind kind = ColumnKind.of(dataType);
        return kind == null ? null : plain(kind);
    }

    /** What the driver binds and reads. */
    public ColumnKind kind() {
        return kind;
    }

    /** Whether the field's value differs from the driver's, so reads and binds go through the conversion. */
    public boolean converted() {
        return conversion != null;
    }

    /**
     * Whether a value read as this type may be changed in place (a JSON tree, a list, an array),
     * so that a snapshot of it must be a copy.
     */
    public boolean mutable() {
        if (conversion == null) {
            return !kind.immutable();
        }
        return conversion instanceof JsonConverter<?> || !immutable(conversion.toType());
    }

    /** Field types a conversion yields whose values no one can change: an address, an enum, a java.time value. */
    private static boolean immutable(Class<?> type) {
        return type.isEnum() || InetAddress.class.isAssignableFrom(type) || type == String.class || type == UUID.class
                || type == BigDecimal.class || "java.time".equals(type.getPackageName());
    }

    /**
     * Whether the snapshot of a value read as this type is made from what the driver read, which
     * the field's value does not share: a row read with such columns carries, after its
     * {@code columns.length} values, one snapshot for each of them in column order (null where
     * the value is). For a JSON tree it is its {@link JsonText}, parsed again only by a dirty
     * check, instead of a deep copy; for a list, a fixed-size view of the driver's array,
     * instead of a copy of the list. See {@link #rowSize} and {@link #store}.
     */
    public boolean readSnapshot() {
        return readSnapshot;
    }

    /**
     * Puts what the driver read for column {@code i} into a row of {@link #rowSize} elements: the
     * field's value at {@code i}, and, for a {@link #readSnapshot()}, its snapshot at
     * {@code snapshot}. Returns the next snapshot slot.
     */
    public int store(Object[] row, int i, int snapshot, Object driverValue, ObjectMapper mapper) {
        if (conversion == null) {
            row[i] = driverValue;
            return snapshot;
        }
        row[i] = fromDriver(driverValue, mapper);
        if (!readSnapshot) {
            return snapshot;
        }
        row[snapshot] = driverValue == null ? null
                : jsonTree ? new JsonText((String) driverValue, mapper) : Arrays.asList((Object[]) driverValue);
        return snapshot + 1;
    }

    /** The length of a row read with {@code columns}: one element per column, and one per {@link #readSnapshot()}. */
    public static int rowSize(DirectType[] columns) {
        int n = columns.length;
        for (DirectType c : columns) {
            if (c.readSnapshot) {
                n++;
            }
        }
        return n;
    }

    /** The Java type of the field side: what a read yields. */
    public Class<?> type() {
        return conversion != null ? conversion.toType() : kind.type();
    }

    /** The field's value of what the driver read; null stays null. */
    public Object fromDriver(Object value, ObjectMapper mapper) {
        return value == null ? null : conversion(mapper).from(value);
    }

    /** What the driver binds for a field's value; null stays null. */
    public Object toDriver(Object value, ObjectMapper mapper) {
        return value == null ? null : conversion(mapper).to(value);
    }

    @SuppressWarnings("unchecked")
    private Converter<Object, Object> conversion(ObjectMapper mapper) {
        return (Converter<Object, Object>) (conversion instanceof JsonConverter<?> json ? json.using(mapper) : conversion);
    }

    @Override
    public String toString() {
        return conversion == null ? kind.name() : kind + "->" + conversion.toType().getSimpleName();
    }
}
