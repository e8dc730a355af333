package io.pgrecord.internal.types;

import java.lang.reflect.Array;

/**
 * Arrays of primitives ({@code int[]}, {@code long[][]} ...) as the boxed arrays the array
 * bindings carry ({@code Integer[]}, {@code Long[][]}), both ways. A NULL element cannot be
 * held: reading one fails, saying where it is.
 */
final class PrimitiveArrays {

    private PrimitiveArrays() {
    }

    /** The boxed array ({@code Integer[][]}) of a primitive array ({@code int[][]}). */
    static Object[] boxed(Object primitives, Class<?> boxedClass) {
        int n = Array.getLength(primitives);
        Class<?> component = boxedClass.getComponentType();
        Object[] out = (Object[]) Array.newInstance(component, n);
        for (int i = 0; i < n; i++) {
            Object item = Array.get(primitives, i);
            out[i] = item != null && component.isArray() ? boxed(item, component) : item;
        }
        return out;
    }

    /**
     * The primitive array ({@code int[][]}) of a boxed one read from the server.
     *
     * @throws IllegalArgumentException for a NULL element, which no primitive can hold (the
     *     reading code names the column and the field)
     */
    static Object unboxed(Object[] boxed, Class<?> primitiveClass) {
        return unboxed(boxed, primitiveClass, boxed, "");
    }

    private static Object unboxed(Object[] boxed, Class<?> primitiveClass, Object[] whole, String path) {
        Class<?> component = primitiveClass.getComponentType();
        Object out = Array.newInstance(component, boxed.length);
        for (int i = 0; i < boxed.length; i++) {
            Object item = boxed[i];
            if (component.isArray()) {
                Array.set(out, i, item == null ? null : unboxed((Object[]) item, component, whole, path + "[" + i + "]"));
            } else if (item == null) {
                String leaf = component.getName();
                String box = leafOf(whole.getClass()).getSimpleName();
                throw new IllegalArgumentException("element " + path + "[" + i + "] is NULL, which an array of " + leaf
                        + " cannot hold (an array of " + box + " or a List<" + box + "> can)");
            } else {
                Array.set(out, i, item);
            }
        }
        return out;
    }

    private static Class<?> leafOf(Class<?> array) {
        Class<?> c = array;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c;
    }
}
