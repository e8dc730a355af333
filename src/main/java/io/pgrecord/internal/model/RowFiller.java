package io.pgrecord.internal.model;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Objects;

/**
 * Composes a model's field setters into one method handle per model. Mapping a row is then one
 * {@code invokeExact} that the JIT compiles as a whole, instead of one call per field through a
 * handle it cannot see (a field setter read from a {@link FieldMeta} is not a constant, so each
 * call went through the generic invoker: about half of the mapping time of a plain model).
 */
final class RowFiller {

    private static final MethodHandle NON_NULL;

    static {
        try {
            NON_NULL = MethodHandles.lookup().findStatic(Objects.class, "nonNull", methodType(boolean.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RowFiller() {
    }

    /**
     * {@code (Object model, Object[] row) void}: sets field {@code i} from {@code row[i]}; a null
     * for a primitive field leaves the field as it is.
     */
    static MethodHandle fill(FieldMeta[] fields) {
        MethodHandle h = MethodHandles.empty(methodType(void.class, Object.class, Object[].class));
        for (int i = fields.length - 1; i >= 0; i--) {
            h = MethodHandles.foldArguments(h, setFromRow(fields[i], i));
        }
        return h;
    }

    /** {@code (Object[] row) Object}: a new instance from {@code constructor}, filled by {@code fill}. */
    static MethodHandle create(MethodHandle constructor, MethodHandle fill) {
        MethodHandle fillThenReturn = MethodHandles.foldArguments(
                MethodHandles.dropArguments(MethodHandles.identity(Object.class), 1, Object[].class), fill);
        return MethodHandles.foldArguments(fillThenReturn, constructor);
    }

    private static MethodHandle setFromRow(FieldMeta f, int index) {
        MethodHandle set = f.setter();
        if (f.type().isPrimitive()) {
            set = MethodHandles.guardWithTest(MethodHandles.dropArguments(NON_NULL, 0, Object.class), set,
                    MethodHandles.empty(set.type()));
        }
        MethodHandle element = MethodHandles.insertArguments(MethodHandles.arrayElementGetter(Object[].class), 1, index);
        return MethodHandles.filterArguments(set, 1, element);
    }
}
