package io.pgrecord.internal.types;

import io.pgrecord.Column;
import io.pgrecord.error.MappingException;
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
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.XML;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.postgres.extensions.bindings.BigDecimalRangeBinding;
import org.jooq.postgres.extensions.bindings.HstoreBinding;
import org.jooq.postgres.extensions.bindings.IntegerRangeBinding;
import org.jooq.postgres.extensions.bindings.LocalDateRangeBinding;
import org.jooq.postgres.extensions.bindings.LocalDateTimeRangeBinding;
import org.jooq.postgres.extensions.bindings.LongRangeBinding;
import org.jooq.postgres.extensions.bindings.OffsetDateTimeRangeBinding;
import org.jooq.postgres.extensions.types.BigDecimalRange;
import org.jooq.postgres.extensions.types.Cidr;
import org.jooq.postgres.extensions.types.Hstore;
import org.jooq.postgres.extensions.types.Inet;
import org.jooq.postgres.extensions.types.IntegerRange;
import org.jooq.postgres.extensions.types.LocalDateRange;
import org.jooq.postgres.extensions.types.LocalDateTimeRange;
import org.jooq.postgres.extensions.types.LongRange;
import org.jooq.postgres.extensions.types.Ltree;
import org.jooq.postgres.extensions.types.OffsetDateTimeRange;
import org.jooq.types.YearToSecond;

/**
 * The type registry: which jOOQ {@link DataType} (and so which binding) carries a Java type to
 * and from PostgreSQL. Model fields are resolved once per class; bind values of raw
 * {@code where(String, Object...)} fragments per call. The table of API.md §6, plus:
 * <ul>
 *   <li>{@code @Column(type = "money")} on a {@code BigDecimal}: written as {@code numeric} (an
 *       assignment cast to money, exact and independent of {@code lc_monetary}) and read as
 *       {@code col::numeric} by the model projection, see {@link #readExpression};</li>
 *   <li>{@code @Column(type = "numeric")} on a {@code Double}: numeric's {@code NaN} and
 *       {@code ±Infinity} (PostgreSQL 14+), which a {@code BigDecimal} cannot hold;</li>
 *   <li>{@code @Column(type = "oid")} on a {@code Long}, {@code @Column(type = "hstore")} on a
 *       {@code Map<String, String>}, {@code @Column(type = "jsonb[]")} on a list or array of
 *       Jackson-mapped values;</li>
 *   <li>a {@code String} binds untyped, so the server types it from the column: text, varchar,
 *       char, citext or a domain over them; with {@code @Column(type = "regclass")} (or another
 *       reg* type) it is cast, since an untyped string next to a reg* column would be an oid.</li>
 * </ul>
 */
public final class TypeMapper {

    private static final Map<Class<?>, DataType<?>> SIMPLE = new HashMap<>();
    private static final Map<Class<?>, DataType<?>> MULTIRANGES = new HashMap<>();
    private static final Map<String, DataType<?>> REG_TYPES = new java.util.concurrent.ConcurrentHashMap<>();
    static final DataType<String> TEXT = SQLDataType.VARCHAR.asConvertedDataType(TextBinding.untyped());
    private static final DataType<Long> OID = text("oid", Long.class, Long::valueOf, String::valueOf);
    private static final DataType<Double> NUMERIC_DOUBLE = text("numeric", Double.class, TypeMapper::parseNumeric, TypeMapper::numeric);
    private static final DataType<Hstore> HSTORE = SQLDataType.OTHER.asConvertedDataType(new HstoreBinding());
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final DataType<Map<String, String>> HSTORE_MAP = HSTORE.asConvertedDataType(
            Converter.ofNullable(Hstore.class, (Class<Map<String, String>>) (Class) Map.class,
                    h -> new LinkedHashMap<>(h.data()), Hstore::valueOf));

    private static final Map<Class<?>, DataType<?>> TEXT_ELEMENTS = Map.of(
            String.class, SQLDataType.CLOB,
            byte[].class, text("bytea", byte[].class, Bytea::parse, Bytea::text),
            JSONB.class, text("jsonb", JSONB.class, JSONB::valueOf, JSONB::data),
            JSON.class, text("json", JSON.class, JSON::valueOf, JSON::data),
            XML.class, text("xml", XML.class, XML::valueOf, XML::data));

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
        SIMPLE.put(byte[].class, TEXT_ELEMENTS.get(byte[].class));
        SIMPLE.put(UUID.class, SQLDataType.UUID);
        SIMPLE.put(LocalDate.class, SQLDataType.LOCALDATE);
        SIMPLE.put(LocalTime.class, SQLDataType.LOCALTIME);
        SIMPLE.put(OffsetTime.class, text("timetz", OffsetTime.class, TimeTz::parse, TimeTz::text));
        SIMPLE.put(LocalDateTime.class, SQLDataType.LOCALDATETIME);
        SIMPLE.put(OffsetDateTime.class, SQLDataType.OFFSETDATETIME);
        SIMPLE.put(Instant.class, SQLDataType.INSTANT);
        SIMPLE.put(Duration.class, IntervalTypes.DURATION);
        SIMPLE.put(YearToSecond.class, IntervalTypes.YEAR_TO_SECOND);
        SIMPLE.put(JSON.class, SQLDataType.JSON);
        SIMPLE.put(JSONB.class, SQLDataType.JSONB);
        SIMPLE.put(XML.class, SQLDataType.XML);
        SIMPLE.put(Hstore.class, HSTORE);
        SIMPLE.put(Inet.class, InetTypes.INET);
        SIMPLE.put(Cidr.class, InetTypes.CIDR);
        SIMPLE.put(Ltree.class, text("ltree", Ltree.class, Ltree::valueOf, Ltree::data));
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
        String sqlType = sqlType(field);
        DataType<?> type = forType(field.getType(), field.getGenericType(), sqlType);
        if (type == null) {
            throw new MappingException("field " + field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + " of type " + field.getGenericType().getTypeName() + " has no PostgreSQL mapping"
                    + (sqlType.isEmpty() ? "; mark it @Transient or give @Column(type=...)" : " as '" + sqlType + "'"));
        }
        return type;
    }

    /** A field's {@code @Column(type)}, trimmed and lower case; empty without one. */
    public static String sqlType(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column == null ? "" : column.type().trim().toLowerCase(Locale.ROOT);
    }

    /**
     * What the model projection selects for a column: the column itself, or for a money column
     * {@code cast(col as numeric)}, whose value is exact whatever {@code lc_monetary} says (the
     * text form of money is locale-formatted, {@code 1.234,56 €}). The cast keeps the column's
     * name, so RETURNING, CTEs and subqueries see the same column.
     */
    @SuppressWarnings("unchecked")
    public static org.jooq.Field<Object> readExpression(org.jooq.Field<Object> column, String sqlType) {
        if (sqlType.equals("money")) {
            return (org.jooq.Field<Object>) (org.jooq.Field<?>) column.cast(SQLDataType.NUMERIC).coerce(column.getDataType());
        }
        return column;
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
        if (value instanceof Enum<?> e) {
            return EnumTypes.of(e.getDeclaringClass());
        }
        if (value instanceof List<?> list) {
            Object first = list.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
            Class<?> element = first == null ? String.class : first instanceof Enum<?> e ? e.getDeclaringClass() : first.getClass();
            DataType<?> type = ArrayTypes.of(List.class, parameterized(element), "");
            if (type != null) {
                return type;
            }
        }
        DataType<?> type = forType(value.getClass(), value.getClass(), "");
        return type != null ? type : DSL.val(value).getDataType();
    }

    private static Type parameterized(Class<?> element) {
        return new ParameterizedType() {
            public Type[] getActualTypeArguments() {
                return new Type[] {element};
            }

            public Type getRawType() {
                return List.class;
            }

            public Type getOwnerType() {
                return null;
            }
        };
    }

    private static DataType<?> forType(Class<?> raw, Type generic, String sqlType) {
        if (sqlType.equals("jsonb") || sqlType.equals("json")) {
            return JsonTypes.of(raw, generic, sqlType.equals("jsonb"));
        }
        DataType<?> declared = byColumnType(raw, sqlType);
        if (declared != null) {
            return declared;
        }
        DataType<?> simple = SIMPLE.get(raw);
        if (simple != null) {
            return simple;
        }
        if (InetAddress.class.isAssignableFrom(raw)) {
            return InetTypes.INET_ADDRESS;
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
            return EnumTypes.of(raw);
        }
        if ((raw.isArray() && raw != byte[].class) || List.class.isAssignableFrom(raw)) {
            return ArrayTypes.of(raw, generic, sqlType);
        }
        return null;
    }

    /** Java types whose PostgreSQL type only {@code @Column(type)} can tell. */
    private static DataType<?> byColumnType(Class<?> raw, String sqlType) {
        return switch (sqlType) {
            case "money" -> raw == BigDecimal.class ? SQLDataType.NUMERIC : null;
            case "oid" -> raw == Long.class || raw == long.class ? OID : null;
            case "numeric", "decimal" -> raw == Double.class || raw == double.class ? NUMERIC_DOUBLE : null;
            case "hstore" -> Map.class.isAssignableFrom(raw) ? HSTORE_MAP : null;
            // an untyped string next to a reg* column resolves as oid, not as a name: cast it
            case "regclass", "regconfig", "regtype", "regproc", "regprocedure", "regoper", "regoperator",
                    "regnamespace", "regrole", "regcollation", "regdictionary" ->
                    raw == String.class ? REG_TYPES.computeIfAbsent(sqlType, t -> text(t, String.class, s -> s, s -> s)) : null;
            default -> null;
        };
    }

    /**
     * The element type of an array: like a field's, but strings are plain text (arrays need
     * jOOQ's own binding), and bytea, json, jsonb and xml travel as text, since jOOQ's arrays of
     * them cannot bind NULL on R2DBC, nor an empty bytea anywhere. (A bytea is text everywhere:
     * r2dbc-postgresql cannot read the {@code bytea_output = escape} form.)
     */
    static DataType<?> element(Class<?> leaf, Type generic, String sqlType) {
        if (sqlType.equals("jsonb") || sqlType.equals("json")) {
            return JsonTypes.of(leaf, generic, sqlType.equals("jsonb"));
        }
        DataType<?> asText = TEXT_ELEMENTS.get(leaf);
        return asText != null ? asText : forType(leaf, generic, sqlType);
    }

    /** The capability a field type needs, or null: multiranges (14), jsonpath (12), macaddr8 (10). */
    public static io.pgrecord.Capability requiredCapability(Field field) {
        Class<?> raw = field.getType();
        if (mentions(field.getGenericType(), MultiRange.class)) {
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

    /** Whether a type is, or holds as an array or list element, the given class. */
    private static boolean mentions(Type type, Class<?> target) {
        return switch (type) {
            case Class<?> c -> c == target || (c.isArray() && mentions(c.getComponentType(), target));
            case ParameterizedType p -> p.getRawType() == target || java.util.Arrays.stream(p.getActualTypeArguments())
                    .anyMatch(a -> mentions(a, target));
            case java.lang.reflect.GenericArrayType g -> mentions(g.getGenericComponentType(), target);
            default -> false;
        };
    }

    /**
     * Whether a raw-SQL bind of this type should carry an explicit cast: everything but
     * untyped text and the types whose binding renders its own cast, so the server never has to
     * guess (pgjdbc sends dates untyped, for one).
     */
    public static boolean castInRawSql(DataType<?> type) {
        org.jooq.Binding<?, ?> b = type.getBinding() instanceof ListBinding<?> list ? list.array() : type.getBinding();
        String binding = b.getClass().getName();
        return type != TEXT && type != SQLDataType.OTHER && !binding.startsWith("io.pgrecord.internal.types")
                && !binding.startsWith("org.jooq.postgres.extensions") && !binding.startsWith("io.pgrecord.types");
    }

    /**
     * The driver-level value a binding sends for {@code value}: the text of a text-bound type, the
     * element texts of its arrays. For the COPY encoder, which writes what a bind would carry.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object databaseValue(DataType<?> type, Object value) {
        if (type.getBinding() instanceof ListBinding<?> list) {
            Object array = ((Converter) list.converter()).to(value);
            return ((Converter) list.array().converter()).to(array);
        }
        return ((Converter) type.getConverter()).to(value);
    }

    /** The delimiter of a type's array literal: {@code ;} for box, whose values hold commas, else {@code ,}. */
    public static char arrayDelimiter(DataType<?> type) {
        return type.getTypeName().toLowerCase(Locale.ROOT).startsWith("box") ? ';' : ',';
    }

    /** A Java enum as a PostgreSQL enum: labels from {@code @EnumLabel} or {@code name()}, always cast. */
    public static DataType<?> enumType(Class<?> enumClass) {
        return EnumTypes.of(enumClass);
    }

    /** The quoted PostgreSQL type name of a Java enum. */
    public static String enumTypeName(Class<?> enumClass) {
        return EnumTypes.typeName(enumClass);
    }

    private static <T> DataType<T> text(String sqlType, Class<T> type, java.util.function.Function<String, T> parse,
            java.util.function.Function<T, String> print) {
        return TextBinding.type(sqlType, Converter.ofNullable(String.class, type, parse::apply, print::apply));
    }

    private static Double parseNumeric(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.valueOf(text);
        };
    }

    private static String numeric(Double d) {
        return d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : Double.toString(d);
    }
}
