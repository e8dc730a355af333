package io.pgrecord.internal.model;

import java.lang.reflect.Array;

/**
 * The text of a model's {@code toString()}: {@code User{id=1, name=Ann, email=null}}. It shows
 * what a log line or a debugger needs and nothing secret: only persisted fields
 * ({@code @Transient} and {@code transient} ones are not), a {@code @Sensitive} field as
 * {@code ***}, a byte array by its length, and a long value cut short.
 */
final class ModelStrings {

    /** Characters of one value kept before it is cut. */
    static final int MAX_VALUE_CHARS = 64;

    private ModelStrings() {
    }

    static String describe(ModelMeta<?> meta, Object model) {
        StringBuilder s = new StringBuilder(meta.type().getSimpleName()).append('{');
        boolean first = true;
        for (FieldMeta f : meta.fields()) {
            if (!first) {
                s.append(", ");
            }
            first = false;
            s.append(f.javaName()).append('=').append(f.isSensitive() ? "***" : value(f.get(model)));
        }
        return s.append('}').toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[] bytes) {
            return "byte[" + bytes.length + "]";
        }
        if (v.getClass().isArray()) {
            return array(v);
        }
        String text = String.valueOf(v);
        return text.length() <= MAX_VALUE_CHARS ? text
                : text.substring(0, MAX_VALUE_CHARS) + "...(" + text.length() + " chars)";
    }

    /** The first elements of an array, then its length: a large array costs no more than a small one. */
    private static String array(Object array) {
        int n = Array.getLength(array);
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (s.length() > MAX_VALUE_CHARS) {
                return s.append(", ...] (").append(n).append(" elements)").toString();
            }
            s.append(i == 0 ? "" : ", ").append(value(Array.get(array, i)));
        }
        return s.append(']').toString();
    }
}
