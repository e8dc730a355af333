package io.pgrecord.internal.types;

import java.lang.reflect.Array;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Arrays of any dimension of a type that travels as text ({@link TextBinding}): the whole array
 * is one literal, {@code cast(? as mood[])}, and is read back with {@code getString} and parsed.
 * It needs no array support from either driver, which is what makes enum arrays work on R2DBC,
 * where neither jOOQ nor r2dbc-postgresql can bind them. NULL elements are kept; the text
 * {@code NULL} is quoted and stays a string.
 *
 * <p>The database-side type {@code D} is the nested {@code String} array of element texts, so
 * jOOQ's converters and the COPY encoder see the same texts the literal holds.
 */
final class TextArrayBinding<D, A> implements Binding<D, A> {

    private final String elementType;
    private final int dims;
    private final Converter<String, Object> element;
    private final Converter<D, A> converter;

    @SuppressWarnings({"unchecked", "rawtypes"})
    TextArrayBinding(String elementType, int dims, Converter<String, ?> element) {
        this.elementType = elementType;
        this.dims = dims;
        this.element = (Converter) element;
        Class<D> dbType = (Class<D>) arrayClass(String.class, dims);
        Class<A> userType = (Class<A>) arrayClass(element.toType(), dims);
        this.converter = Converter.ofNullable(dbType, userType,
                db -> (A) map(db, dims, element.toType(), s -> this.element.from((String) s)),
                user -> (D) map(user, dims, String.class, this.element::to));
    }

    /** The PostgreSQL type of the elements, e.g. {@code mood} or {@code jsonb}. */
    String elementType() {
        return elementType;
    }

    /** The one-dimensional array binding of a text element type. */
    static <U> Binding<String[], U[]> of(String elementType, Converter<String, U> element) {
        return new TextArrayBinding<>(elementType, 1, element);
    }

    static Class<?> arrayClass(Class<?> element, int dims) {
        return Array.newInstance(element, new int[dims]).getClass();
    }

    /** Maps every leaf of a nested array, building arrays of {@code leaf} at the bottom level. */
    private Object map(Object array, int depth, Class<?> leaf, java.util.function.Function<Object, Object> f) {
        Object[] in = (Object[]) array;
        Object out = Array.newInstance(depth == 1 ? leaf : arrayClass(leaf, depth - 1), in.length);
        for (int i = 0; i < in.length; i++) {
            Object item = in[i];
            if (item == null) {
                continue;
            }
            if (depth > 1 && !(item instanceof Object[])) {
                throw new IllegalArgumentException("a " + dims + "-dimensional " + elementType
                        + " array needs nested arrays, found the element " + item);
            }
            if (depth == 1 && item instanceof Object[]) {
                throw new IllegalArgumentException("a " + dims + "-dimensional " + elementType
                        + " array cannot hold the arrays of a " + (dims + 1) + "-dimensional value");
            }
            Array.set(out, i, depth > 1 ? map(item, depth - 1, leaf, f) : f.apply(item));
        }
        return out;
    }

    @Override
    public Converter<D, A> converter() {
        return converter;
    }

    /**
     * Whether the elements are dates or times: the COPY encoder takes those as java.time values,
     * which it writes in binary, rather than as their text.
     */
    boolean temporalElements() {
        Class<?> t = element.toType();
        return t == java.time.LocalDate.class || t == java.time.LocalDateTime.class
                || t == java.time.OffsetDateTime.class || t == java.time.Instant.class;
    }

    @Override
    public Binding<D[], A[]> arrayBinding() {
        return new TextArrayBinding<>(elementType, dims + 1, element);
    }

    private String literal(A value) {
        D texts = converter.to(value);
        return texts == null ? null : ArrayLiteral.format((Object[]) texts, ',');
    }

    @Override
    public void sql(BindingSQLContext<A> ctx) throws SQLException {
        ctx.render().sql("cast(");
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(literal(ctx.value()), String.class));
        } else {
            ctx.render().sql(ctx.variable());
        }
        ctx.render().sql(" as ").sql(elementType).sql("[])");
    }

    @Override
    public void register(BindingRegisterContext<A> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    @Override
    public void set(BindingSetStatementContext<A> ctx) throws SQLException {
        String text = literal(ctx.value());
        if (text == null) {
            ctx.statement().setNull(ctx.index(), Types.VARCHAR);
        } else {
            ctx.statement().setString(ctx.index(), text);
        }
    }

    @Override
    public void get(BindingGetResultSetContext<A> ctx) throws SQLException {
        ctx.value(read(ctx.resultSet().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetStatementContext<A> ctx) throws SQLException {
        ctx.value(read(ctx.statement().getString(ctx.index())));
    }

    @SuppressWarnings("unchecked")
    private A read(String text) {
        if (text == null) {
            return null;
        }
        Object[] texts = ArrayLiteral.parse(text, ',', elementType + "[]");
        return converter.from((D) map(texts, dims, String.class, s -> s));
    }

    @Override
    public void set(BindingSetSQLOutputContext<A> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetSQLInputContext<A> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }
}
