package io.pgrecord.internal.types;

/**
 * The dimensions of an array read from the server against those of its field. PostgreSQL's
 * arrays are rectangular and hold elements only at their last dimension, so a multi-dimensional
 * array read from it has no NULL short of its leaves: jOOQ's array bindings read an array of
 * fewer dimensions than the field's (a 1-D {@code {1,2}} into an {@code Integer[][]}) as such
 * NULLs ({@code [null, null]}), which this tells from a value.
 */
final class ArrayDimensions {

    private ArrayDimensions() {
    }

    /**
     * Checks an array of {@code dims} dimensions as read by jOOQ's binding, walking all but its
     * leaves.
     *
     * @throws IllegalArgumentException for a NULL short of the leaves, saying how many
     *     dimensions the server's array has (the reading code names the column and the field)
     */
    static void check(Object[] array, int dims) {
        check(array, 1, dims);
    }

    private static void check(Object[] array, int level, int dims) {
        if (level == dims) {
            return;
        }
        for (Object item : array) {
            if (item == null) {
                throw new IllegalArgumentException(mismatch(level, dims));
            }
            check((Object[]) item, level + 1, dims);
        }
    }

    /** What reading an array of {@code found} dimensions into a field of {@code dims} says. */
    static String mismatch(int found, int dims) {
        return "the array has " + found + (found == 1 ? " dimension" : " dimensions") + " where the field has " + dims;
    }
}
