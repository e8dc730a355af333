package io.pgrecord.internal.types;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.jooq.Converter;
import org.jooq.DataType;

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
    TIMESTAMPTZ(OffsetDateTime.class, Types.TIMESTAMP_WITH_TIMEZONE);

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
        if (dataType.isArray()) {
            return null;
        }
        Object binding = dataType.getBinding();
        if (binding instanceof TextBinding<?> text) {
            return text.castType() == null ? UNTYPED_TEXT : null;
        }
        Converter<?, ?> converter = dataType.getConverter();
        if (converter.fromType() != converter.toType() || !binding.getClass().getName().startsWith("org.jooq.impl.")) {
            return null;
        }
        return BY_TYPE.get(dataType.getType());
    }

    private static final java.util.Map<Class<?>, ColumnKind> BY_TYPE = java.util.Map.ofEntries(
            java.util.Map.entry(Long.class, LONG), java.util.Map.entry(Integer.class, INT),
            java.util.Map.entry(Short.class, SHORT), java.util.Map.entry(String.class, TEXT),
            java.util.Map.entry(Boolean.class, BOOL), java.util.Map.entry(Double.class, DOUBLE),
            java.util.Map.entry(Float.class, FLOAT), java.util.Map.entry(BigDecimal.class, DECIMAL),
            java.util.Map.entry(java.util.UUID.class, UUID), java.util.Map.entry(LocalDate.class, DATE),
            java.util.Map.entry(LocalDateTime.class, TIMESTAMP), java.util.Map.entry(OffsetDateTime.class, TIMESTAMPTZ));
}
