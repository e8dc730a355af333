package io.pgrecord.internal.types;

import com.fasterxml.jackson.databind.JavaType;
import io.pgrecord.Column;
import io.pgrecord.EnumLabel;
import io.pgrecord.PgEnum;
import io.pgrecord.error.MappingException;
import io.pgrecord.internal.model.Names;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.postgres.extensions.bindings.BigDecimalRangeBinding;
import org.jooq.postgres.extensions.bindings.IntegerRangeBinding;
import org.jooq.postgres.extensions.bindings.LocalDateRangeBinding;
import org.jooq.postgres.extensions.bindings.LocalDateTimeRangeBinding;
import org.jooq.postgres.extensions.bindings.LongRangeBinding;
import org.jooq.postgres.extensions.bindings.OffsetDateTimeRangeBinding;
import org.jooq.postgres.extensions.types.BigDecimalRange;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.jooq.postgres.extensions.types.LocalDateTimeRange;
import org.jooq.postgres.extensions.types.LongRange;
import org.jooq.postgres.extensions.types.OffsetDateTimeRange;
import io.pgrecord.types.BitString;
import io.pgrecord.types.Box;
import io.pgrecord.types.Circle;
import io.pgrecord.types.JsonPath;
import io.pgrecord.types.Line;
import io.pgrecord.types.LineSegment;
import io.pgrecord.types.MacAddress;
import io.pgrecord.types.MultiRange;
import io.pgrecord.types.Path;
import io.pgrecord.types.PgTypes;
import io.pgrecord.types.Point;
import io.pgrecord.types.Polygon;
import io.pgrecord.types.TsQuery;
import io.pgrecord.types.TsVector;

/**
 * The type registry: which jOOQ {@link DataType} (and so which binding) carries a Java type to
 * and from PostgreSQL. Model fields are resolved once per class; bind values of raw
 * {@code where(String, Object...)} fragments per call.
 */
public final class TypeMapper {

    private static final Map<Class<?>, DataType<?>> SIMPLE = new HashMap<>();
    private static final Map<Class<?>, DataType<?>> ENUMS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, DataType<?>> MULTIRANGES = new HashMap<>();
    private static final DataType<String> TEXT = SQLDataType.VARCHAR.asConvertedDataType(TextBinding.untyped());

    static {
        SIMPLE.put(Boolean.class, SQLDataType.BOOLEAN);
        SIMPLE.put(boolean.class, SQLDataType.BOOLEAN);
        SIMPLE.put(Short.class, SQLDataType.SMALLINT);
        SIMPLE.put(short.class, SQLDataType.SMALLINT);
        SIMPLE.put(Integer.class, SQLDataType.INTEGER);
        SIMPLE.put(int.class, SQLDataType.INTEGER);
        SIMPLE.put(Long.class, SQLDataType.BIGINT);
        SIMPLE.put(long.class, SQLDataType.BIGINT);
        SIMPLE.put(Float.class, SQLDataType.REAL);
        SIMPLE.put(float.class, SQLDataType.REAL);
        SIMPLE.put(Double.class, SQLDataType.DOUBLE);
        SIMPLE.put(double.class, SQLDataType.DOUBLE);
        SIMPLE.put(BigDecimal.class, SQLDataType.NUMERIC);
        SIMPLE.put(String.class, TEXT);
        SIMPLE.put(byte[].class, SQLDataType.BLOB);
        SIMPLE.put(UUID.class, SQLDataType.UUID);
        SIMPLE.put(LocalDate.class, SQLDataType.LOCALDATE);
        SIMPLE.put(LocalTime.class, SQLDataType.LOCALTIME);
        SIMPLE.put(OffsetTime.class, SQLDataType.OFFSETTIME);
        SIMPLE.put(LocalDateTime.class, SQLDataType.LOCALDATETIME);
        SIMPLE.put(OffsetDateTime.class, SQLDataType.OFFSETDATETIME);
        SIMPLE.put(Instant.class, SQLDataType.INSTANT);
        SIMPLE.put(JSON.class, SQLDataType.JSON);
        SIMPLE.put(JSONB.class, SQLDataType.JSONB);
        SIMPLE.put(TsVector.class, PgTypes.TSVECTOR);
        SIMPLE.put(TsQuery.class, PgTypes.TSQUERY);
        SIMPLE.put(JsonPath.class, PgTypes.JSONPATH);
        SIMPLE.put(Point.class, PgTypes.POINT);
        SIMPLE.put(Line.class, PgTypes.LINE);
        SIMPLE.put(LineSegment.class, PgTypes.LSEG);
        SIMPLE.put(Box.class, PgTypes.BOX);
        SIMPLE.put(Path.class, PgTypes.PATH);
        SIMPLE.put(Polygon.class, PgTypes.POLYGON);
        SIMPLE.put(Circle.class, PgTypes.CIRCLE);
        MULTIRANGES.put(IntegerRange.class, PgTypes.INT4MULTIRANGE);
        MULTIRANGES.put(LongRange.class, PgTypes.INT8MULTIRANGE);
        MULTIRANGES.put(BigDecimalRange.class, PgTypes.NUMMULTIRANGE);
        MULTIRANGES.put(LocalDateRange.class, PgTypes.DATEMULTIRANGE);
        MULTIRANGES.put(LocalDateTimeRange.class, PgTypes.TSMULTIRANGE);
        MULTIRANGES.put(OffsetDateTimeRange.class, PgTypes.TSTZMULTIRANGE);
        SIMPLE.put(IntegerRange.class, SQLDataType.OTHER.asConvertedDataType(new IntegerRangeBinding()));
        SIMPLE.put(LongRange.class, SQLDataType.OTHER.asConvertedDataType(new LongRangeBinding()));
        SIMPLE.put(BigDecimalRange.class, SQLDataType.OTHER.asConvertedDataType(new BigDecimalRangeBinding()));
        SIMPLE.put(LocalDateRange.class, SQLDataType.OTHER.asConvertedDataType(new LocalDateRangeBinding()));
        SIMPLE.put(LocalDateTimeRange.class, SQLDataType.OTHER.asConvertedDataType(new LocalDateTimeRangeBinding()));
        SIMPLE.put(OffsetDateTimeRange.class, SQLDataType.OTHER.asConvertedDataType(new OffsetDateTimeRangeBinding()));
    }

    private TypeMapper() {
    }

    /** The data type of a model field, honouring {@code @Column(type=...)}. */
    public static DataType<?> forField(Field field) {
        Column column = field.getAnnotation(Column.class);
        String sqlType = column == null ? "" : column.type().trim().toLowerCase(Locale.ROOT);
        DataType<?> type = forType(field.getType(), field.getGenericType(), sqlType);
        if (type == null) {
            throw new MappingException("field " + field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " of type " + field.getGenericType().getTypeName() + " has no PostgreSQL mapping"
                    + (sqlType.isEmpty() ? "; mark it @Transient or give @Column(type=...)" : " as '" + sqlType + "'"));
        }
        return type;
    }

    /** The data type for a bind value in a raw SQL fragment; strings stay untyped. */
    public static DataType<?> forValue(Object value) {
        if (value == null) {
            return SQLDataType.OTHER;
        }
        if (value instanceof MultiRange<?> m) {
            return m.ranges().isEmpty() ? TEXT : MULTIRANGES.get(m.ranges().get(0).getClass());
        }
        if (value instanceof MacAddress mac) {
            return mac.isEui64() ? PgTypes.MACADDR8 : PgTypes.MACADDR;
        }
        if (value instanceof BitString) {
            return PgTypes.VARBIT;
        }
        if (value instanceof List<?> list) {
            Object first = list.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
            DataType<?> component = first == null ? SQLDataType.CLOB : component(first.getClass());
            if (component != null) {
                Class<?> element = first == null ? Object.class : first.getClass();
                return listOf(component, element);
            }
        }
        DataType<?> type = forType(value.getClass(), value.getClass(), "");
        return type != null ? type : DSL.val(value).getDataType();
    }

    private static DataType<?> forType(Class<?> raw, Type generic, String sqlType) {
        if (sqlType.equals("jsonb") || sqlType.equals("json")) {
            return json(raw, generic, sqlType.equals("jsonb"));
        }
        DataType<?> simple = SIMPLE.get(raw);
        if (simple != null) {
            return simple;
        }
        if (raw == MacAddress.class) {
            return sqlType.equals("macaddr8") ? PgTypes.MACADDR8 : PgTypes.MACADDR;
        }
        if (raw == BitString.class) {
            return sqlType.startsWith("bit(") || sqlType.equals("bit") ? PgTypes.BIT : PgTypes.VARBIT;
        }
        if (raw == MultiRange.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> rangeClass) {
            return MULTIRANGES.get(rangeClass);
        }
        if (raw.isEnum()) {
            return enumType(raw);
        }
        if (raw.isArray() && raw != byte[].class) {
            DataType<?> component = component(raw.getComponentType());
            return component == null ? null : component.array();
        }
        if (List.class.isAssignableFrom(raw) && generic instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            if (element instanceof Class<?> elementClass) {
                DataType<?> component = component(elementClass);
                return component == null ? null : listOf(component, elementClass);
            }
        }
        return null;
    }

    /** The element type of an array: like a field's, but strings are plain text (arrays need jOOQ's own binding). */
    private static DataType<?> component(Class<?> element) {
        if (element == String.class) {
            return SQLDataType.CLOB;
        }
        if (element.isArray() && element != byte[].class) {
            return null;       // multi-dimensional arrays come with the type work of issue 4
        }
        return forType(element, element, "");
    }

    /** The capability a field type needs, or null: multiranges (14), jsonpath (12), macaddr8 (10). */
    public static io.pgrecord.Capability requiredCapability(Field field) {
        Class<?> raw = field.getType();
        if (raw == MultiRange.class) {
            return io.pgrecord.Capability.MULTIRANGE;
        }
        if (raw == JsonPath.class) {
            return io.pgrecord.Capability.JSONPATH;
        }
        Column column = field.getAnnotation(Column.class);
        if (raw == MacAddress.class && column != null && column.type().equalsIgnoreCase("macaddr8")) {
            return io.pgrecord.Capability.MACADDR8;
        }
        return null;
    }

    /**
     * Whether a raw-SQL bind of this type should carry an explicit cast: everything but
     * untyped text, so the server never has to guess (pgjdbc sends dates untyped, for one).
     */
    public static boolean castInRawSql(DataType<?> type) {
        String binding = type.getBinding().getClass().getName();
        return type != TEXT && type != SQLDataType.OTHER && !(type.getBinding() instanceof TextBinding<?>)
                && !binding.startsWith("org.jooq.postgres.extensions") && !binding.startsWith("io.pgrecord.types");
    }

    private static DataType<?> json(Class<?> raw, Type generic, boolean binary) {
        if (raw == String.class) {
            return TEXT;
        }
        if (raw == JSONB.class || raw == JSON.class) {
            return SIMPLE.get(raw);
        }
        JavaType javaType = Json.MAPPER.constructType(generic);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> target = (Class) raw;
        if (binary) {
            return SQLDataType.JSONB.asConvertedDataType(Converter.ofNullable(JSONB.class, target,
                    j -> Json.read(j.data(), javaType), v -> JSONB.valueOf(Json.write(v))));
        }
        return SQLDataType.JSON.asConvertedDataType(Converter.ofNullable(JSON.class, target,
                j -> Json.read(j.data(), javaType), v -> JSON.valueOf(Json.write(v))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <E> DataType<List<E>> listOf(DataType<?> component, Class<E> elementClass) {
        DataType<Object[]> array = (DataType<Object[]>) (DataType) component.array();
        Class<List<E>> listClass = (Class) List.class;
        return array.asConvertedDataType(Converter.ofNullable((Class<Object[]>) array.getType(), listClass,
                a -> (List<E>) new ArrayList<>(Arrays.asList(a)),
                l -> l.toArray((Object[]) Array.newInstance(component.getType(), l.size()))));
    }

    /** A Java enum as a PostgreSQL enum: labels from {@code @EnumLabel} or {@code name()}, always cast. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static DataType<?> enumType(Class<?> enumClass) {
        return ENUMS.computeIfAbsent(enumClass, c -> {
            Map<String, Object> byLabel = new HashMap<>();
            Map<Object, String> labels = new HashMap<>();
            for (Object constant : c.getEnumConstants()) {
                String label = label((Enum<?>) constant);
                byLabel.put(label, constant);
                labels.put(constant, label);
            }
            Converter<String, Object> converter = Converter.ofNullable(String.class, (Class) c,
                    label -> {
                        Object constant = byLabel.get(label);
                        if (constant == null) {
                            throw new MappingException("enum label '" + label + "' has no constant in " + c.getName());
                        }
                        return constant;
                    },
                    labels::get);
            return SQLDataType.VARCHAR.asConvertedDataType(new TextBinding<>(enumTypeName(c), converter));
        });
    }

    /** The quoted PostgreSQL type name of a Java enum. */
    public static String enumTypeName(Class<?> enumClass) {
        PgEnum pg = enumClass.getAnnotation(PgEnum.class);
        String name = pg != null ? pg.value() : Names.snakeCase(enumClass.getSimpleName());
        return DSL.using(org.jooq.SQLDialect.POSTGRES).render(DSL.name(name.split("\\.")));
    }

    private static String label(Enum<?> constant) {
        try {
            EnumLabel label = constant.getDeclaringClass().getField(constant.name()).getAnnotation(EnumLabel.class);
            return label != null ? label.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
