package io.pgrecord.internal.types;

import java.lang.reflect.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;

/**
 * A field of a type the array bindings do not carry, on an array type's own binding: a
 * {@code List} (or nested lists, one per array dimension), or an array of primitives
 * ({@code int[]}, {@code long[][]} ...) over the boxed array. Every call converts the field's
 * value to the Java array and hands it on, so the SQL the array binding renders,
 * {@code cast(? as mood[])} included, is what the field's value renders too; binds, reads,
 * RETURNING and {@code copyIn} share the one conversion. A multi-dimensional array read is
 * checked for fewer dimensions than the field's first, see {@link ArrayDimensions}; so is one
 * of jOOQ's multi-dimensional arrays ({@code Integer[][]}) under {@link #dimensioned}.
 */
final class ArrayFieldBinding<A, U> implements Binding<A, U> {

    private final Binding<?, A> array;
    private final Converter<A, U> conversion;
    private final DirectType direct;

    private ArrayFieldBinding(Binding<?, A> array, Class<A> arrayClass, Converter<A, U> conversion, int depth, boolean list) {
        this.array = array;
        this.conversion = conversion;
        // over jOOQ's own binding of an array both drivers read natively (bigint[], text[] ...)
        ColumnKind kind = array.getClass().getName().startsWith("org.jooq.impl.")
                && array.converter().fromType() == array.converter().toType() && depth == 1 ? ColumnKind.byType(arrayClass) : null;
        this.direct = kind == null ? null : list ? DirectType.listOfArray(kind, conversion) : DirectType.converted(kind, conversion);
    }

    /** Lists of {@code depth} levels over an array type of as many dimensions. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <A> ArrayFieldBinding<A, List<?>> lists(Binding<?, A> array, Class<A> arrayClass, int depth) {
        Class<List<?>> listClass = (Class) List.class;
        return new ArrayFieldBinding<>(array, arrayClass, PlainConverter.of(arrayClass, listClass,
                depth == 1 ? a -> toList((Object[]) a, 1) : a -> toList(checked((Object[]) a, depth), depth),
                l -> (A) toArray(l, depth, arrayClass.getComponentType())), depth, true);
    }

    /** Arrays of primitives ({@code int[][]}) over the array type of their boxes ({@code Integer[][]}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <A> ArrayFieldBinding<A, Object> primitives(Binding<?, A> array, Class<A> arrayClass, Class<?> primitiveClass, int depth) {
        Class<Object> fieldClass = (Class) primitiveClass;
        return new ArrayFieldBinding<>(array, arrayClass, PlainConverter.of(arrayClass, fieldClass,
                depth == 1 ? a -> PrimitiveArrays.unboxed((Object[]) a, primitiveClass)
                        : a -> PrimitiveArrays.unboxed(checked((Object[]) a, depth), primitiveClass),
                p -> (A) PrimitiveArrays.boxed(p, arrayClass)), depth, false);
    }

    /** An array of {@code depth > 1} dimensions ({@code Integer[][]}) as it is, its reads checked for fewer. */
    static <A> ArrayFieldBinding<A, A> dimensioned(Binding<?, A> array, Class<A> arrayClass, int depth) {
        return new ArrayFieldBinding<>(array, arrayClass, PlainConverter.of(arrayClass, arrayClass,
                a -> {
                    checked((Object[]) a, depth);
                    return a;
                }, a -> a), depth, false);
    }

    private static Object[] checked(Object[] array, int depth) {
        ArrayDimensions.check(array, depth);
        return array;
    }

    /** How the direct path carries the field: as the driver's array, converted; null when jOOQ must bind it. */
    DirectType direct() {
        return direct;
    }

    /** The binding of the array type underneath. */
    Binding<?, A> array() {
        return array;
    }

    @Override
    public Converter<A, U> converter() {
        return conversion;
    }

    @Override
    public void sql(BindingSQLContext<U> ctx) throws SQLException {
        array.sql(ctx.convert(conversion));
    }

    @Override
    public void register(BindingRegisterContext<U> ctx) throws SQLException {
        array.register(ctx.convert(conversion));
    }

    @Override
    public void set(BindingSetStatementContext<U> ctx) throws SQLException {
        array.set(ctx.convert(conversion));
    }

    @Override
    public void set(BindingSetSQLOutputContext<U> ctx) throws SQLException {
        array.set(ctx.convert(conversion));
    }

    @Override
    public void get(BindingGetResultSetContext<U> ctx) throws SQLException {
        array.get(ctx.convert(conversion));
    }

    @Override
    public void get(BindingGetStatementContext<U> ctx) throws SQLException {
        array.get(ctx.convert(conversion));
    }

    @Override
    public void get(BindingGetSQLInputContext<U> ctx) throws SQLException {
        array.get(ctx.convert(conversion));
    }

    private static List<Object> toList(Object[] array, int depth) {
        List<Object> out = new ArrayList<>(array.length);
        for (Object item : array) {
            out.add(depth > 1 && item != null ? toList((Object[]) item, depth - 1) : item);
        }
        return out;
    }

    private static Object toArray(List<?> list, int depth, Class<?> component) {
        if (depth == 1 && !component.isPrimitive()) {
            // one reflective allocation, then the list's own copy instead of a reflective set per element
            return list.toArray((Object[]) Array.newInstance(component, list.size()));
        }
        Object out = Array.newInstance(component, list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            Array.set(out, i, depth > 1 && item != null ? toArray((List<?>) item, depth - 1, component.getComponentType()) : item);
        }
        return out;
    }
}
