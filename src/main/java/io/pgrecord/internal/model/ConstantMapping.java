package io.pgrecord.internal.model;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The template of one model's {@link RowFiller.Mapping}: {@link RowFiller#compile} defines this
 * class's bytes again as a hidden class per model, with the model's handles as its class data.
 * Held in static finals, the handles are constants to the JIT, which then compiles a row's
 * mapping as plain code: {@code new} and a store per field. Never used as itself.
 */
final class ConstantMapping implements RowFiller.Mapping {

    /** {@code (Object[] row) Object}. */
    private static final MethodHandle CREATE;

    /** {@code (Object model, Object[] row) void}. */
    private static final MethodHandle FILL;

    static {
        try {
            MethodHandles.Lookup self = MethodHandles.lookup();
            CREATE = MethodHandles.classDataAt(self, ConstantDescs.DEFAULT_NAME, MethodHandle.class, 0);
            FILL = MethodHandles.classDataAt(self, ConstantDescs.DEFAULT_NAME, MethodHandle.class, 1);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    ConstantMapping() {
    }

    @Override
    public Object create(Object[] row) throws Throwable {
        return (Object) CREATE.invokeExact(row);
    }

    @Override
    public void fill(Object model, Object[] row) throws Throwable {
        FILL.invokeExact(model, row);
    }
}
