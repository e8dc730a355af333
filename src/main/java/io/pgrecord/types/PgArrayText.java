package io.pgrecord.types;

import io.pgrecord.internal.types.ArrayLiteral;

/**
 * One-dimensional array literals of the value types, as the server's {@code array_out} writes
 * them; a face over the one array codec, {@link ArrayLiteral}, which the bindings use.
 */
final class PgArrayText {

    private PgArrayText() {
    }

    /** The literal as {@code array_out} writes it; {@code delimiter} is {@code ;} for box, {@code ,} for the rest. */
    static String format(Object[] elements, char delimiter) {
        return ArrayLiteral.formatAsServer(elements, delimiter);
    }

    /** The elements of a one-dimensional array literal, null for NULL. */
    static String[] parse(String text, char delimiter, String elementType) {
        Object[] items = ArrayLiteral.parse(text, delimiter, elementType + "[]");
        String[] out = new String[items.length];
        for (int i = 0; i < items.length; i++) {
            if (items[i] instanceof Object[]) {
                throw Malformed.input(elementType + "[]", text, "only one-dimensional arrays are supported");
            }
            out[i] = (String) items[i];
        }
        return out;
    }
}
