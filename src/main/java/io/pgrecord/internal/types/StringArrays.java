package io.pgrecord.internal.types;

import java.util.Collection;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * A list or array of strings as one untyped array literal, which the server types from the other
 * operand as it does a single string bind: {@code ci = any(?)} compares as citext,
 * {@code mood = any(?)} as the enum, {@code tags @> ?} as text[]. A text[] bind would make
 * {@code citext = text} case-sensitive and find no operator for {@code mood = text}.
 */
public final class StringArrays {

    private StringArrays() {
    }

    /**
     * PostgreSQL's array literal of the value when it is a list or array of strings (nested
     * arrays of them at any depth, as {@link NestedLists} makes of nested lists) with at least one
     * non-null string; null when it is anything else.
     */
    public static String literal(Object value) {
        Object[] strings = strings(value);
        return strings == null ? null : literal(strings, new StringBuilder()).toString();
    }

    /** The value's {@link #literal} as an untyped bind, or null when it is not strings. */
    public static Param<String> bind(Object value) {
        String literal = literal(value);
        return literal == null ? null : DSL.val(literal, TypeMapper.TEXT);
    }

    /** The value as strings, or as arrays of strings at any depth; null when it is anything else. */
    private static Object[] strings(Object value) {
        if (value instanceof Object[] array && leafComponent(array.getClass()) == String.class) {
            return array;
        }
        Object[] items = value instanceof Collection<?> c ? c.toArray() : value instanceof Object[] a ? a : null;
        if (items == null) {
            return null;
        }
        boolean any = false;
        for (Object e : items) {
            if (e != null && !(e instanceof String)) {
                return null;
            }
            any |= e != null;
        }
        return any ? items : null;
    }

    private static Class<?> leafComponent(Class<?> arrayClass) {
        Class<?> c = arrayClass;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c;
    }

    /** Every string quoted, NULL as the bare word, a sub-array as a nested literal. */
    private static StringBuilder literal(Object[] elements, StringBuilder out) {
        out.append('{');
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object e = elements[i];
            if (e == null) {
                out.append("NULL");
            } else if (e instanceof Object[] nested) {
                literal(nested, out);
            } else {
                out.append('"').append(((String) e).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}');
    }
}
