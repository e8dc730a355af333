package io.pgrecord.internal.model;

import static java.lang.invoke.MethodType.methodType;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Objects;

/**
 * Composes a model's field setters into one method handle per model, and makes the handles
 * constants the JIT can see through: each model gets a class of its own ({@link #compile}).
 * A handle read from a field is not a constant, so its every call went through lambda forms
 * the JIT does not inline, and {@code new} through {@code allocateInstance}: most of the time
 * pgrecord spent per row of a fetch.
 */
final class RowFiller {

    private static final MethodHandle NON_NULL;

    /** {@link ConstantMapping}'s class file, or null when it cannot be read (the handles are then used as they are). */
    private static final byte[] TEMPLATE = template();

    static {
        try {
            NON_NULL = MethodHandles.lookup().findStatic(Objects.class, "nonNull", methodType(boolean.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A model's row mapping: {@link #create} a filled instance, or {@link #fill} an existing one. */
    interface Mapping {

        Object create(Object[] row) throws Throwable;

        void fill(Object model, Object[] row) throws Throwable;
    }

    /** The mapping where no hidden class can be defined: the same handles, called as they are. */
    private record Handles(MethodHandle create, MethodHandle fill) implements Mapping {

        @Override
        public Object create(Object[] row) throws Throwable {
            return (Object) create.invokeExact(row);
        }

        @Override
        public void fill(Object model, Object[] row) throws Throwable {
            fill.invokeExact(model, row);
        }
    }

    private RowFiller() {
    }

    /**
     * {@code (Object model, Object[] row) void}: sets field {@code i} from {@code row[i]}; a null
     * for a primitive field leaves the field as it is.
     */
    static MethodHandle fill(FieldMeta[] fields) {
        return fill(fields, 0, fields.length);
    }

    /**
     * Fields {@code from} to {@code to}, as a balanced tree of folds: a chain as deep as the
     * model is wide would pass the JIT's inlining depth on a model of a dozen fields.
     */
    private static MethodHandle fill(FieldMeta[] fields, int from, int to) {
        if (to - from == 0) {
            return MethodHandles.empty(methodType(void.class, Object.class, Object[].class));
        }
        if (to - from == 1) {
            return setFromRow(fields[from], from);
        }
        int middle = (from + to) >>> 1;
        return MethodHandles.foldArguments(fill(fields, middle, to), fill(fields, from, middle));
    }

    /**
     * The two handles as a {@link Mapping} of a class of their own, in which they are static
     * finals: {@link ConstantMapping} defined again as a hidden class with them as class data.
     * A hidden class is unloaded with the last reference to it.
     */
    static Mapping compile(MethodHandle create, MethodHandle fill) {
        return compile(create, fill, TEMPLATE);
    }

    /** As {@link #compile(MethodHandle, MethodHandle)} from this template; without one, the handles as they are. */
    static Mapping compile(MethodHandle create, MethodHandle fill, byte[] template) {
        if (template != null) {
            try {
                MethodHandles.Lookup defined = MethodHandles.lookup()
                        .defineHiddenClassWithClassData(template, List.of(create, fill), true);
                return (Mapping) defined.findConstructor(defined.lookupClass(), methodType(void.class)).invoke();
            } catch (RuntimeException | LinkageError e) {
                // e.g. a runtime that cannot define classes: the handles work as well, more slowly
            } catch (Throwable e) {
                throw new IllegalStateException("cannot instantiate the row mapping", e);
            }
        }
        return new Handles(create, fill);
    }

    private static byte[] template() {
        try (InputStream in = ConstantMapping.class.getResourceAsStream(ConstantMapping.class.getSimpleName() + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
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
