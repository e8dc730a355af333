package io.pgrecord.internal.types;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * A bind value of nested lists ({@code List<List<String>>}, or a list of arrays) as the nested
 * Java array the drivers bind as a multi-dimensional SQL array ({@code String[][]}), typed by its
 * first non-null element; a list of lists has no SQL type of its own.
 */
public final class NestedLists {

    private NestedLists() {
    }

    /** The value as a nested array when it is a list holding lists or arrays, or an array holding lists; the value itself otherwise. */
    public static Object asArrays(Object value) {
        boolean nested = value instanceof Collection<?> c ? c.stream().anyMatch(e -> isList(e) || e instanceof Object[])
                : value instanceof Object[] a && Arrays.stream(a).anyMatch(NestedLists::isList);
        if (!nested) {
            return value;
        }
        int depth = 0;
        Object leaf = value;
        while (isList(leaf) || leaf instanceof Object[]) {
            leaf = firstNonNull(leaf);
            depth++;
        }
        if (leaf == null) {
            return value;
        }
        Class<?> component = elementClass(leaf);
        for (int i = 1; i < depth; i++) {
            component = component.arrayType();
        }
        return toArray(value, component);
    }

    /**
     * The class of the arrays' elements: an enum constant's enum, and any map or JSON tree as
     * {@code Map} or {@code JsonNode} (jsonb), so other maps and trees fit beside the first.
     */
    private static Class<?> elementClass(Object leaf) {
        return leaf instanceof Enum<?> e ? e.getDeclaringClass()
                : leaf instanceof Map<?, ?> ? Map.class
                : leaf instanceof JsonNode ? JsonNode.class
                : leaf.getClass();
    }

    private static boolean isList(Object o) {
        return o instanceof Collection<?>;
    }

    /** The first non-null element, looking through nested lists and arrays; null when all are null. */
    private static Object firstNonNull(Object listOrArray) {
        for (Object e : elements(listOrArray)) {
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static Collection<?> elements(Object listOrArray) {
        return listOrArray instanceof Collection<?> c ? c : Arrays.asList((Object[]) listOrArray);
    }

    private static Object toArray(Object listOrArray, Class<?> component) {
        Collection<?> items = elements(listOrArray);
        Object[] out = (Object[]) Array.newInstance(component, items.size());
        int i = 0;
        for (Object e : items) {
            out[i++] = e != null && component.isArray() ? toArray(e, component.getComponentType()) : e;
        }
        return out;
    }
}
