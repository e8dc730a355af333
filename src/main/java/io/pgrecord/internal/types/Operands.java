package io.pgrecord.internal.types;

import io.pgrecord.types.MultiRange;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.postgres.extensions.bindings.HstoreBinding;
import org.jooq.postgres.extensions.types.Hstore;

/**
 * Turns the plain values given to {@code io.pgrecord.Pg} into bind values, typed by the value
 * and by the field on the other side of the operator.
 *
 * <p>The rules, in order: a {@link Field} is used as is; next to a json or jsonb field, any value
 * is JSON and binds as {@code cast(? as jsonb)} (a {@code String}, {@code JSON} or {@code JSONB}
 * as its text, anything else through Jackson); next to an hstore field a {@code Map} is an
 * hstore. Otherwise the value decides: a {@code String}, or a list or array of strings, binds
 * untyped so that the server reads it as the other operand's type (jsonb, text[], a range, a
 * citext or enum array); a {@code Map} is jsonb; a pgrecord value type binds with its
 * {@code PgTypes} data type; everything else as {@link TypeMapper#forValue} types it.
 */
public final class Operands {

    private static final DataType<Hstore> HSTORE = SQLDataType.OTHER.asConvertedDataType(new HstoreBinding());
    private static final DataType<String> JSONB_TEXT = SQLDataType.VARCHAR.asConvertedDataType(
            TextBinding.of("jsonb", PlainConverter.of(String.class, String.class, s -> s, s -> s)));
    private static final DataType<String> UNTYPED = SQLDataType.VARCHAR.asConvertedDataType(TextBinding.untyped());

    private Operands() {
    }

    /** {@code value} as the operand that stands next to {@code other}; a Field is returned as is. */
    public static Field<?> next(Field<?> other, Object value) {
        Objects.requireNonNull(value, "value; for SQL NULL pass DSL.inline(null) or a typed null Field");
        if (value instanceof Field<?> field) {
            return field;
        }
        DataType<?> context = other.getDataType();
        if (context.isJSON()) {
            return DSL.val(jsonText(value), JSONB_TEXT);
        }
        if (value instanceof Map<?, ?> map) {
            return isHstore(context) ? DSL.val(hstore(map), HSTORE) : DSL.val(jsonText(map), JSONB_TEXT);
        }
        return bind(value);
    }

    /** {@code value} as a bind value typed by the value alone. */
    @SuppressWarnings("unchecked")
    public static Field<?> bind(Object value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof Field<?> field) {
            return field;
        }
        // a list of lists is the multi-dimensional array it stands for, as in where(...)
        value = NestedLists.asArrays(value);
        Field<String> strings = StringArrays.bind(value);
        if (strings != null) {
            return strings;
        }
        if (value instanceof Collection<?> c) {
            if (c.stream().allMatch(Objects::isNull)) {
                // no element to type it by: the server types '{}' from the other operand
                return DSL.val(StringArrays.literal(new String[c.size()]), UNTYPED);
            }
            value = c.toArray((Object[]) Array.newInstance(elementClass(c), 0));
        }
        if (value instanceof Hstore h) {
            return DSL.val(h, HSTORE);
        }
        if (value instanceof MultiRange<?> m && m.isEmpty()) {
            // the empty multirange has no range type of its own: the server takes it from context
            return DSL.val("{}", UNTYPED);
        }
        return DSL.val(value, (DataType<Object>) TypeMapper.forValue(value));
    }


    /** Whether a field of this type holds hstore values. */
    public static boolean isHstore(DataType<?> type) {
        return type.getType() == Hstore.class || ScalarTypes.isHstoreMap(type)
                || "hstore".equals(type.getTypeName().toLowerCase(Locale.ROOT));
    }

    /**
     * A field as an operand of an infix operator: parenthesised unless it is a column or a bind
     * value, so that no operator inside it binds to ours.
     */
    public static Field<?> group(Field<?> field) {
        return field instanceof TableField<?, ?> || field instanceof Param<?> ? field : DSL.field("({0})", field.getDataType(), field);
    }

    /** The JSON text of an operand; an unpaired surrogate is refused, as in any bind. */
    private static String jsonText(Object value) {
        String text = value instanceof String s ? s
                : value instanceof JSONB j ? j.data()
                : value instanceof JSON j ? j.data()
                : Json.write(value);
        BindValues.check("a JSON operand", String.class, text);
        return text;
    }

    private static Class<?> elementClass(Collection<?> c) {
        for (Object e : c) {
            if (e != null) {
                return e.getClass();
            }
        }
        throw new IllegalStateException("no element");
    }

    /** An hstore of a map's entries, keys and values as their strings. */
    private static Hstore hstore(Map<?, ?> map) {
        Map<String, String> entries = new LinkedHashMap<>();
        map.forEach((k, v) -> entries.put(String.valueOf(k), v == null ? null : v.toString()));
        return Hstore.valueOf(entries);
    }
}
