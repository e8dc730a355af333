package io.pgrecord.internal.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.Capability;
import io.pgrecord.Column;
import io.pgrecord.error.MappingException;
import io.pgrecord.types.BitString;
import io.pgrecord.types.JsonPath;
import io.pgrecord.types.MacAddress;
import io.pgrecord.types.MultiRange;
import io.pgrecord.types.PgTypes;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jooq.Binding;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.IdentityConverter;
import org.jooq.impl.SQLDataType;

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

    static final DataType<String> TEXT = ScalarTypes.TEXT;

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

    /**
     * The data type for a bind value in a raw SQL fragment; strings stay untyped, and a
     * {@code Map} or a Jackson tree is jsonb, {@code cast(? as jsonb)}.
     */
    public static DataType<?> forValue(Object value) {
        if (value == null) {
            return SQLDataType.OTHER;
        }
        if (isJson(value)) {
            return JsonTypes.BIND;
        }
        if (value instanceof MultiRange<?> m) {
            return m.ranges().isEmpty() ? TEXT : ScalarTypes.multirange(m.ranges().get(0).getClass());
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
            Object first = list.stream().filter(Objects::nonNull).findFirst().orElse(null);
            if (isJson(first)) {
                return JSONB_LIST;
            }
            Class<?> element = first == null ? String.class : first instanceof Enum<?> e ? e.getDeclaringClass() : first.getClass();
            DataType<?> type = ArrayTypes.of(List.class, parameterized(element), "");
            if (type != null) {
                return type;
            }
        }
        Class<?> c = value.getClass();
        if (value instanceof Object[] array && holdsJson(array)) {
            return JSONB_ARRAYS.get(c);
        }
        if (c.isArray() && c.getComponentType().getName().startsWith("java.")) {
            return ARRAYS_OF_JDK_TYPES.get(c);
        }
        DataType<?> type = forType(c, c, "");
        return type != null ? type : DSL.val(value).getDataType();
    }

    /**
     * Array binds such as {@code any(?)} are frequent, and jOOQ builds a new array type on every
     * call; the type of an array of a JDK class depends on the class alone.
     */
    private static final ClassValue<DataType<?>> ARRAYS_OF_JDK_TYPES = new ClassValue<>() {
        @Override
        protected DataType<?> computeValue(Class<?> c) {
            DataType<?> type = forType(c, c, "");
            return type != null ? type : DSL.val(Array.newInstance(c.getComponentType(), 0)).getDataType();
        }
    };

    /** A list of maps or JSON trees, as jsonb[]: what a {@code @Column(type = "jsonb[]")} list field is. */
    private static final DataType<?> JSONB_LIST = ArrayTypes.of(List.class, parameterized(Object.class), "jsonb[]");

    /** Arrays (of any dimension) of maps or JSON trees, as jsonb arrays of as many dimensions. */
    private static final ClassValue<DataType<?>> JSONB_ARRAYS = new ClassValue<>() {
        @Override
        protected DataType<?> computeValue(Class<?> c) {
            Class<?> objects = Object.class;
            for (Class<?> a = c; a.isArray(); a = a.getComponentType()) {
                objects = objects.arrayType();
            }
            return ArrayTypes.of(objects, objects, "jsonb[]");
        }
    };

    /** Whether a value binds as jsonb: a map or a Jackson tree. */
    private static boolean isJson(Object value) {
        return value instanceof Map<?, ?> || value instanceof JsonNode;
    }

    /** Whether an array's elements are maps or JSON trees: by its element class, or for an Object[] by its first non-null one. */
    private static boolean holdsJson(Object[] array) {
        Class<?> leaf = array.getClass();
        while (leaf.isArray()) {
            leaf = leaf.getComponentType();
        }
        if (Map.class.isAssignableFrom(leaf) || JsonNode.class.isAssignableFrom(leaf)) {
            return true;
        }
        if (leaf != Object.class) {
            return false;
        }
        Object first = array;
        while (first instanceof Object[] items) {
            first = Arrays.stream(items).filter(Objects::nonNull).findFirst().orElse(null);
        }
        return isJson(first);
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
        DataType<?> declared = ScalarTypes.byColumnType(raw, sqlType);
        if (declared != null) {
            return declared;
        }
        DataType<?> simple = ScalarTypes.simple(raw);
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
            return ScalarTypes.multirange(rangeClass);
        }
        if (raw.isEnum()) {
            return EnumTypes.of(raw);
        }
        if ((raw.isArray() && raw != byte[].class) || List.class.isAssignableFrom(raw)) {
            return ArrayTypes.of(raw, generic, sqlType);
        }
        return null;
    }

    /**
     * The element type of an array: like a field's, but strings are plain text (arrays need
     * jOOQ's own binding), and some types travel as text, see {@link ScalarTypes#textElement}.
     */
    static DataType<?> element(Class<?> leaf, Type generic, String sqlType) {
        if (sqlType.equals("jsonb") || sqlType.equals("json")) {
            return JsonTypes.of(leaf, generic, sqlType.equals("jsonb"));
        }
        DataType<?> asText = ScalarTypes.textElement(leaf);
        return asText != null ? asText : forType(leaf, generic, sqlType);
    }

    /** The capability a field type needs, or null: multiranges (14), jsonpath (12), macaddr8 (10). */
    public static Capability requiredCapability(Field field) {
        Class<?> raw = field.getType();
        if (mentions(field.getGenericType(), MultiRange.class)) {
            return Capability.MULTIRANGE;
        }
        if (raw == JsonPath.class) {
            return Capability.JSONPATH;
        }
        Column column = field.getAnnotation(Column.class);
        if (raw == MacAddress.class && column != null && column.type().equalsIgnoreCase("macaddr8")) {
            return Capability.MACADDR8;
        }
        return null;
    }

    /** Whether a type is, or holds as an array or list element, the given class. */
    private static boolean mentions(Type type, Class<?> target) {
        return switch (type) {
            case Class<?> c -> c == target || (c.isArray() && mentions(c.getComponentType(), target));
            case ParameterizedType p -> p.getRawType() == target || Arrays.stream(p.getActualTypeArguments())
                    .anyMatch(a -> mentions(a, target));
            case GenericArrayType g -> mentions(g.getGenericComponentType(), target);
            default -> false;
        };
    }

    /**
     * Whether a raw-SQL bind of this type should carry an explicit cast: everything but
     * untyped text and the types whose binding renders its own cast, so the server never has to
     * guess (pgjdbc sends dates untyped, for one).
     */
    public static boolean castInRawSql(DataType<?> type) {
        Binding<?, ?> b = type.getBinding() instanceof ArrayFieldBinding<?, ?> field ? field.array() : type.getBinding();
        String binding = b.getClass().getName();
        return type != TEXT && type != SQLDataType.OTHER && !binding.startsWith("io.pgrecord.internal.types")
                && !binding.startsWith("org.jooq.postgres.extensions");
    }

    /**
     * Whether a bind of this type renders its own cast, {@code cast(? as jsonb)}: pgrecord's
     * text-carried types, {@code io.pgrecord.types} values and their arrays. Casting such a bind
     * again to its data type would cast to the carrier ({@code varchar}), or, for a
     * {@code MacAddress} whose cast follows its length, to the wrong type.
     */
    public static boolean rendersOwnCast(DataType<?> type) {
        Object b = type.getBinding() instanceof ArrayFieldBinding<?, ?> field ? field.array() : type.getBinding();
        return (b instanceof TextBinding<?, ?> text && text.castType() != null) || b instanceof TextArrayBinding<?, ?>;
    }

    /**
     * The driver-level value a binding sends for {@code value}: the text of a text-bound type, the
     * element texts of its arrays. For the COPY encoder, which writes what a bind would carry.
     */
    public static Object databaseValue(DataType<?> type, Object value, ObjectMapper json) {
        UnaryOperator<Object> conversion = databaseConversion(type, json);
        return conversion == null ? value : conversion.apply(value);
    }

    /**
     * What {@link #databaseValue} does to every value of this type, found once for a column, or
     * null when it gives each value back as it is (a plain jOOQ type with no conversion), so the
     * COPY encoder can skip the call.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static UnaryOperator<Object> databaseConversion(DataType<?> type, ObjectMapper json) {
        Binding<?, ?> b = type.getBinding();
        if (b instanceof ArrayFieldBinding<?, ?> field) {
            Converter arrays = field.converter();
            if (field.array() instanceof TextArrayBinding<?, ?> t && t.binaryElements()) {
                return arrays::to;
            }
            Converter elements = field.array().converter();
            if (arrays.fromType() == arrays.toType() && elements instanceof IdentityConverter<?>) {
                return null;   // a multi-dimensional array of jOOQ's, checked on reads only
            }
            return v -> elements.to(arrays.to(v));
        }
        if (b instanceof TextArrayBinding<?, ?> t && t.binaryElements()) {
            return null;   // dates, times and numerics as the field's values, which COPY can write in binary
        }
        Converter converter = b instanceof TextBinding text ? text.text(json) : type.getConverter();
        return converter instanceof IdentityConverter<?> ? null : converter::to;
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
}
