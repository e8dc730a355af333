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
 * A {@code List} (or nested lists, one per array dimension) carried by an array type's own
 * binding: every call converts the lists to the Java array and hands it on, so the SQL the
 * array binding renders, {@code cast(? as mood[])} included, is what a list renders too.
 */
final class ListBinding<A> implements Binding<A, List<?>> {

    private final Binding<?, A> array;
    private final Converter<A, List<?>> lists;
    private final DirectType direct;

    @SuppressWarnings({"unchecked", "rawtypes"})
    ListBinding(Binding<?, A> array, Class<A> arrayClass, int depth) {
        this.array = array;
        Class<List<?>> listClass = (Class) List.class;
        this.lists = PlainConverter.of(arrayClass, listClass,
                a -> toList((Object[]) a, depth), l -> (A) toArray(l, depth, arrayClass.getComponentType()));
        // a list over jOOQ's own binding of an array both drivers read natively (bigint[], text[] ...)
        ColumnKind kind = array.getClass().getName().startsWith("org.jooq.impl.")
                && array.converter().fromType() == array.converter().toType() ? ColumnKind.byType(arrayClass) : null;
        this.direct = kind != null && !kind.immutable() && depth == 1 ? DirectType.listOfArray(kind, lists) : null;
    }

    /** How the direct path carries the list: as the driver's array, converted; null when jOOQ must bind it. */
    DirectType direct() {
        return direct;
    }

    /** The binding of the array type underneath. */
    Binding<?, A> array() {
        return array;
    }

    @Override
    public Converter<A, List<?>> converter() {
        return lists;
    }

    @Override
    public void sql(BindingSQLContext<List<?>> ctx) throws SQLException {
        array.sql(ctx.convert(lists));
    }

    @Override
    public void register(BindingRegisterContext<List<?>> ctx) throws SQLException {
        array.register(ctx.convert(lists));
    }

    @Override
    public void set(BindingSetStatementContext<List<?>> ctx) throws SQLException {
        array.set(ctx.convert(lists));
    }

    @Override
    public void set(BindingSetSQLOutputContext<List<?>> ctx) throws SQLException {
        array.set(ctx.convert(lists));
    }

    @Override
    public void get(BindingGetResultSetContext<List<?>> ctx) throws SQLException {
        array.get(ctx.convert(lists));
    }

    @Override
    public void get(BindingGetStatementContext<List<?>> ctx) throws SQLException {
        array.get(ctx.convert(lists));
    }

    @Override
    public void get(BindingGetSQLInputContext<List<?>> ctx) throws SQLException {
        array.get(ctx.convert(lists));
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
