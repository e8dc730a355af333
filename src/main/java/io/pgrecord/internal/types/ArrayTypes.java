package io.pgrecord.internal.types;

import io.pgrecord.error.MappingException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.jooq.DataType;
import org.jooq.exception.DataTypeException;

/**
 * PostgreSQL arrays as Java arrays ({@code X[]}, {@code X[][]}, ...) or lists
 * ({@code List<X>}, {@code List<List<X>>}, ...), with NULL elements. One dimension of Java
 * nesting is one array dimension; PostgreSQL requires multi-dimensional arrays to be
 * rectangular, and says so with a {@code DataException} when they are not.
 *
 * <p>Element types whose driver support is sound on both backends (integers, floats, text,
 * uuid, times of day) use jOOQ's array binding, its multi-dimensional arrays checked for the
 * dimensions they read (see {@link ArrayDimensions}); those that travel as text (enums,
 * intervals, inet, cidr, ltree, oid, bytea, json, jsonb, xml, hstore, ranges, dates and
 * timestamps, whose BC and far-future values jOOQ's array literal gets wrong, and numeric,
 * whose NaN no BigDecimal holds) bind the whole array as one literal, see
 * {@link TextArrayBinding}. Arrays of the {@code io.pgrecord.types} values have one dimension.
 */
final class ArrayTypes {

    private ArrayTypes() {
    }

    /**
     * The type of an array or list field, or null when its element type has no mapping.
     *
     * @param sqlType the field's {@code @Column(type)}: {@code jsonb[]} makes the elements jsonb
     */
    static DataType<?> of(Class<?> raw, Type generic, String sqlType) {
        String elementSql = sqlType.endsWith("[]") ? sqlType.substring(0, sqlType.indexOf('[')).strip() : "";
        int depth = 0;
        Type leaf = generic;
        boolean list = List.class.isAssignableFrom(raw);
        if (list) {
            while (leaf instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c && List.class.isAssignableFrom(c)) {
                leaf = p.getActualTypeArguments()[0];
                depth++;
            }
        } else {
            Class<?> c = raw;
            while (c.isArray() && c != byte[].class) {
                c = c.getComponentType();
                depth++;
            }
            leaf = c;
        }
        Class<?> leafClass = leaf instanceof Class<?> c ? c : leaf instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
        if (depth == 0 || leafClass == null || (list && leafClass.isArray() && leafClass != byte[].class)) {
            return null;
        }
        DataType<?> element = TypeMapper.element(leafClass, leaf, elementSql);
        if (element == null) {
            return null;
        }
        DataType<?> array = element;
        try {
            for (int i = 0; i < depth; i++) {
                array = array.array();
            }
        } catch (DataTypeException e) {
            throw new MappingException("arrays of " + leafClass.getName() + " have one dimension; "
                    + depth + " were asked for by " + generic.getTypeName(), e);
        }
        if (list || leafClass.isPrimitive()) {
            return list ? listOf(array, depth) : primitivesOf(array, raw, depth);
        }
        // jOOQ's binding reads an array of fewer dimensions as NULLs; the text-carried ones check themselves
        return depth > 1 && !(array.getBinding() instanceof TextArrayBinding<?, ?>) ? dimensioned(array, depth) : array;
    }

    @SuppressWarnings("unchecked")
    private static DataType<?> dimensioned(DataType<?> arrayType, int depth) {
        DataType<Object> array = (DataType<Object>) arrayType;
        return array.asConvertedDataType(ArrayFieldBinding.dimensioned(array.getBinding(), array.getType(), depth));
    }

    @SuppressWarnings("unchecked")
    private static DataType<?> listOf(DataType<?> arrayType, int depth) {
        DataType<Object> array = (DataType<Object>) arrayType;
        return array.asConvertedDataType(ArrayFieldBinding.lists(array.getBinding(), array.getType(), depth));
    }

    /** An {@code int[]} over the {@code Integer[]} type (and so on): the bindings carry boxes. */
    @SuppressWarnings("unchecked")
    private static DataType<?> primitivesOf(DataType<?> arrayType, Class<?> primitiveClass, int depth) {
        DataType<Object> array = (DataType<Object>) arrayType;
        return array.asConvertedDataType(ArrayFieldBinding.primitives(array.getBinding(), array.getType(), primitiveClass, depth));
    }
}
