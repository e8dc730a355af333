package io.pgrecord.internal.types;

import io.pgrecord.Capability;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.function.Function;
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
 * <p>The database-side type {@code D} is the nested array of element texts ({@code String[]},
 * or {@code Object[]} under a data type named after its PostgreSQL type), so jOOQ's converters
 * and the COPY encoder see the same texts the literal holds.
 */
final class TextArrayBinding<D, A> implements Binding<D, A> {

    private final String elementType;
    private final int dims;
    private final Class<?> leaf;
    private final Converter<String, Object> element;
    private final Function<Object, String> castOf;
    private final char delimiter;
    private final Capability requires;
    private final boolean nests;
    private final Converter<D, A> converter;

    /**
     * @param leaf the database-side class of one element text, {@code String} or {@code Object}
     * @param castOf the element type one value asks for, or null; see {@link TextBinding#named}
     * @param delimiter {@code ;} for box, whose values hold commas, else {@code ,}
     * @param requires what the server needs for a bind of this type to render, or null
     * @param nests whether arrays of this array have a binding; the value types' arrays have one dimension
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    TextArrayBinding(String elementType, int dims, Class<?> leaf, Converter<String, ?> element,
            Function<?, String> castOf, char delimiter, Capability requires, boolean nests) {
        this.elementType = elementType;
        this.dims = dims;
        this.leaf = leaf;
        this.element = (Converter) element;
        this.castOf = (Function) castOf;
        this.delimiter = delimiter;
        this.requires = requires;
        this.nests = nests;
        Class<D> dbType = (Class<D>) arrayClass(leaf, dims);
        Class<A> userType = (Class<A>) arrayClass(element.toType(), dims);
        this.converter = PlainConverter.of(dbType, userType,
                db -> (A) map(db, dims, element.toType(), s -> this.element.from(s.toString())),
                user -> (D) map(user, dims, leaf, this.element::to));
    }

    /** The PostgreSQL type of the elements, e.g. {@code mood} or {@code jsonb}. */
    String elementType() {
        return elementType;
    }

    static Class<?> arrayClass(Class<?> element, int dims) {
        return Array.newInstance(element, new int[dims]).getClass();
    }

    /** Maps every leaf of a nested array, building arrays of {@code leaf} at the bottom level. */
    private Object map(Object array, int depth, Class<?> leafType, Function<Object, Object> f) {
        Object[] in = (Object[]) array;
        Object out = Array.newInstance(depth == 1 ? leafType : arrayClass(leafType, depth - 1), in.length);
        for (int i = 0; i < in.length; i++) {
            Object item = in[i];
            if (item == null) {
                continue;
            }
            if (depth > 1 && !(item instanceof Object[])) {
                throw new IllegalArgumentException(ArrayDimensions.mismatch(dims - depth + 1, dims) + ": a " + dims
                        + "-dimensional " + elementType + " array needs nested arrays, found the element " + item);
            }
            if (depth == 1 && item instanceof Object[]) {
                throw new IllegalArgumentException("a " + dims + "-dimensional " + elementType
                        + " array cannot hold the arrays of a " + (dims + 1) + "-dimensional value");
            }
            Array.set(out, i, depth > 1 ? map(item, depth - 1, leafType, f) : f.apply(item));
        }
        return out;
    }

    @Override
    public Converter<D, A> converter() {
        return converter;
    }

    /**
     * Whether the elements are dates, times or numerics: the COPY encoder takes those as the
     * field's values, which it writes in binary, rather than as their text.
     */
    boolean binaryElements() {
        Class<?> t = element.toType();
        return t == LocalDate.class || t == LocalDateTime.class || t == OffsetDateTime.class || t == Instant.class
                || t == BigDecimal.class;
    }

    @Override
    public Binding<D[], A[]> arrayBinding() {
        return nests ? new TextArrayBinding<>(elementType, dims + 1, leaf, element, castOf, delimiter, requires, true)
                : Binding.super.arrayBinding();
    }

    private String literal(A value) {
        D texts = converter.to(value);
        return texts == null ? null : ArrayLiteral.format((Object[]) texts, delimiter);
    }

    @Override
    public void sql(BindingSQLContext<A> ctx) throws SQLException {
        if (requires != null) {
            ServerGates.require(ctx.configuration(), requires);
        }
        ctx.render().sql("cast(");
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(literal(ctx.value()), String.class));
        } else {
            ctx.render().sql(ctx.variable());
        }
        ctx.render().sql(" as ").sql(castFor(ctx.value())).sql("[])");
    }

    /**
     * The element type of the array's cast: the first one other than {@code elementType} that an
     * element asks for (an 8-byte address makes the array a {@code macaddr8[]}, into which the
     * server converts the 6-byte ones), else {@code elementType}.
     */
    private String castFor(Object values) {
        if (castOf == null || !(values instanceof Object[] array)) {
            return elementType;
        }
        for (Object v : array) {
            String cast = v == null ? elementType : v instanceof Object[] ? castFor(v) : castOf.apply(v);
            if (!cast.equals(elementType)) {
                return cast;
            }
        }
        return elementType;
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
        Object[] texts = ArrayLiteral.parse(text, delimiter, elementType + "[]");
        return converter.from((D) map(texts, dims, leaf, s -> s));
    }

    @Override
    public void set(BindingSetSQLOutputContext<A> ctx) throws SQLException {
        ctx.output().writeString(literal(ctx.value()));
    }

    @Override
    public void get(BindingGetSQLInputContext<A> ctx) throws SQLException {
        ctx.value(read(ctx.input().readString()));
    }
}
