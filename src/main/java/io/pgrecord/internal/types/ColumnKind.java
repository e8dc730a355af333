package io.pgrecord.internal.types;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/**
 * The column and bind types both drivers handle natively, with no jOOQ binding or converter in
 * between. Statements whose binds and columns are all of these kinds skip jOOQ at run time:
 * their SQL is rendered once and values go straight to the driver and back.
 */
public enum ColumnKind {
    LONG(Long.class, Types.BIGINT),
    INT(Integer.class, Types.INTEGER),
    SHORT(Short.class, Types.SMALLINT),
    TEXT(String.class, Types.VARCHAR),
    /** Text whose type the server infers from context, as every raw-SQL string bind is. */
    UNTYPED_TEXT(String.class, Types.OTHER),
    BOOL(Boolean.class, Types.BOOLEAN),
    DOUBLE(Double.class, Types.DOUBLE),
    FLOAT(Float.class, Types.REAL),
    DECIMAL(BigDecimal.class, Types.NUMERIC),
    UUID(java.util.UUID.class, Types.OTHER),
    DATE(LocalDate.class, Types.DATE),
    TIMESTAMP(LocalDateTime.class, Types.TIMESTAMP),
    TIMESTAMPTZ(OffsetDateTime.class, Types.TIMESTAMP_WITH_TIMEZONE),
    /** Arrays, as binds only (e.g. {@code key = any(?)}): read back, a mutable array would need copying. */
    LONG_ARRAY(Long[].class, Types.ARRAY),
    INT_ARRAY(Integer[].class, Types.ARRAY),
    TEXT_ARRAY(String[].class, Types.ARRAY),
    UUID_ARRAY(java.util.UUID[].class, Types.ARRAY);

    private final Class<?> type;
    private final int sqlType;

    ColumnKind(Class<?> type, int sqlType) {
        this.type = type;
        this.sqlType = sqlType;
    }

    /** The Java type a value of this kind has. */
    public Class<?> type() {
        return type;
    }

    /** The {@link Types} constant for a JDBC null of this kind. */
    public int sqlType() {
        return sqlType;
    }

    /**
     * The kind of a jOOQ type whose values pass through unconverted, or null when jOOQ's binding
     * must handle it (arrays, enums, JSON, ranges, money and every other converted type).
     */
    public static ColumnKind of(DataType<?> dataType) {
        Object binding = dataType.getBinding();
        if (binding instanceof TemporalBinding<?> temporal) {
            // range-checked by BindValues before it gets here, then passed to the driver as is
            return temporal.kind();
        }
        if (binding instanceof TextBinding<?, ?> text) {
            return text.castType() == null ? UNTYPED_TEXT : null;
        }
        Converter<?, ?> converter = dataType.getConverter();
        if (converter.fromType() != converter.toType() || !binding.getClass().getName().startsWith("org.jooq.impl.")) {
            return null;
        }
        return BY_TYPE.get(dataType.getType());
    }

    /** The kind whose values are of exactly this class, or null. */
    static ColumnKind byType(Class<?> type) {
        return BY_TYPE.get(type);
    }

    /** Whether values of this kind are immutable, so a row read with it can be shared. */
    public boolean immutable() {
        return !type.isArray();
    }

    /** The array kind whose elements are of this kind, or null. */
    public ColumnKind arrayKind() {
        return switch (this) {
            case LONG -> LONG_ARRAY;
            case INT -> INT_ARRAY;
            // untyped text compares with whatever the column is; a text[] would not
            case TEXT -> TEXT_ARRAY;
            case UUID -> UUID_ARRAY;
            default -> null;
        };
    }

    /** The jOOQ array type an array bind of this kind is rendered with, e.g. {@code cast(? as bigint[])}. */
    public DataType<?> arrayDataType() {
        return switch (this) {
            case LONG_ARRAY -> ArrayDataTypes.BIGINT;
            case INT_ARRAY -> ArrayDataTypes.INTEGER;
            case TEXT_ARRAY -> ArrayDataTypes.TEXT;
            case UUID_ARRAY -> ArrayDataTypes.UUID;
            default -> throw new IllegalStateException(this + " is not an array kind");
        };
    }

    /** Built once: jOOQ's getArrayDataType() constructs a new type on every call. */
    private static final class ArrayDataTypes {
        static final DataType<?> BIGINT = SQLDataType.BIGINT.getArrayDataType();
        static final DataType<?> INTEGER = SQLDataType.INTEGER.getArrayDataType();
        static final DataType<?> TEXT = SQLDataType.CLOB.getArrayDataType();
        static final DataType<?> UUID = SQLDataType.UUID.getArrayDataType();
    }

    private static final Map<Class<?>, ColumnKind> BY_TYPE = Map.ofEntries(
            Map.entry(Long.class, LONG), Map.entry(Integer.class, INT),
            Map.entry(Short.class, SHORT), Map.entry(String.class, TEXT),
            Map.entry(Boolean.class, BOOL), Map.entry(Double.class, DOUBLE),
            Map.entry(Float.class, FLOAT), Map.entry(BigDecimal.class, DECIMAL),
            Map.entry(java.util.UUID.class, UUID), Map.entry(LocalDate.class, DATE),
            Map.entry(LocalDateTime.class, TIMESTAMP), Map.entry(OffsetDateTime.class, TIMESTAMPTZ),
            Map.entry(Long[].class, LONG_ARRAY), Map.entry(Integer[].class, INT_ARRAY),
            Map.entry(String[].class, TEXT_ARRAY), Map.entry(java.util.UUID[].class, UUID_ARRAY));
}
