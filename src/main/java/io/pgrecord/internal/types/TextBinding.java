package io.pgrecord.internal.types;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.Capability;
import java.sql.SQLException;
import java.sql.Types;
import java.util.function.Function;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Configuration;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A value that travels as its PostgreSQL text form: the one text codec of pgrecord's JSON, enum,
 * network and interval types and of the {@code io.pgrecord.types} values. With a SQL type it
 * renders {@code cast(? as type)}; without one the bind is untyped and the server infers its type
 * from context, so a string can be compared with jsonb, citext or enum columns. Results are read
 * with {@code getString}, which both drivers answer with the column's text output.
 *
 * <p>The binding knows no driver: it sets a string or a VARCHAR null, which pgjdbc (with
 * {@code stringtype=unspecified}) and the reactive executor's statements both send untyped.
 * Its contexts are jOOQ's, whose {@link Binding} SPI speaks {@code java.sql}.
 *
 * @param <D> what jOOQ takes for the database side: {@code String} for a type carried by
 *     {@code varchar}, {@code Object} for one named after its PostgreSQL type (see {@link #named})
 */
public final class TextBinding<D, U> implements Binding<D, U> {

    private final String castType;
    private final Function<? super U, String> castOf;
    private final Capability requires;
    private final boolean named;
    private final Converter<String, U> text;
    private final Converter<D, U> converter;
    private final DirectType direct;

    private TextBinding(String castType, Function<? super U, String> castOf, Capability requires, boolean named,
            Converter<String, U> text, Converter<D, U> converter) {
        this.castType = castType;
        this.castOf = castOf;
        this.requires = requires;
        this.named = named;
        this.text = text;
        this.converter = converter;
        this.direct = castType == null ? DirectType.plain(ColumnKind.UNTYPED_TEXT)
                : castOf == null && requires == null ? DirectType.converted(ColumnKind.TEXT, text) : null;
    }

    /** A type cast to {@code castType}, or untyped when it is null, carried by {@code varchar}. */
    public static <U> TextBinding<String, U> of(String castType, Converter<String, U> converter) {
        return new TextBinding<>(castType, null, null, false, converter, converter);
    }

    /** A data type carried by this binding; converters must go in here, not on top, for arrays to work. */
    public static <U> DataType<U> type(String castType, Converter<String, U> converter) {
        return SQLDataType.VARCHAR.asConvertedDataType(of(castType, converter));
    }

    /**
     * The binding of a value type whose {@code toString} is its PostgreSQL text, for a data type
     * named after the PostgreSQL type, so DDL renders that name.
     *
     * @param castOf for a type whose values say which PostgreSQL type they are, the cast of one
     *     value (a 6-byte MAC address is a macaddr, an 8-byte one a macaddr8); null when every
     *     value takes {@code castType}
     * @param requires what the server needs for a bind of this type to render, or null
     */
    public static <U> TextBinding<Object, U> named(String castType, Function<? super U, String> castOf, Class<U> type,
            Function<String, U> parser, Capability requires) {
        return new TextBinding<>(castType, castOf, requires, true,
                PlainConverter.of(String.class, type, parser::apply, Object::toString),
                PlainConverter.of(Object.class, type, db -> parser.apply(db.toString()), Object::toString));
    }

    /** Untyped text. */
    public static TextBinding<String, String> untyped() {
        return of(null, PlainConverter.of(String.class, String.class, s -> s, s -> s));
    }

    /** The text conversion for this context: JSON with the mapper of the context's backend. */
    private Converter<String, U> text(Configuration configuration) {
        return text(JsonMappers.of(configuration));
    }

    /** The text conversion with this JSON mapper, which only JSON types use. */
    Converter<String, U> text(ObjectMapper mapper) {
        return text instanceof JsonConverter<U> json ? json.using(mapper) : text;
    }

    @Override
    public Converter<D, U> converter() {
        return converter;
    }

    /**
     * Arrays as one literal, {@code cast(? as type[])}, of any dimension, or of one for a
     * {@link #named} type; {@code box} is the one type whose delimiter is {@code ;}. Untyped
     * text has no array form here.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Binding<D[], U[]> arrayBinding() {
        if (castType == null) {
            return null;
        }
        Class<?> leaf = converter.fromType();
        return (Binding<D[], U[]>) (Binding<?, ?>) new TextArrayBinding<>(castType, 1, leaf, text, castOf,
                castType.equals("box") ? ';' : ',', requires, !named);
    }

    /**
     * How the direct path carries this type: as text, converted as {@link #set} and {@link #get}
     * do, with the cast rendered into the SQL once; null when the cast depends on the value or the
     * render on the server's version, which a statement rendered once cannot follow.
     */
    DirectType direct() {
        return direct;
    }

    /** The SQL type the bind is cast to, or null for untyped text. */
    public String castType() {
        return castType;
    }

    /**
     * The SQL type a text-carried type casts its values to, or for an array or list of one its
     * elements: {@code jsonb} for a jsonb field and for a {@code List<Map>} on a jsonb[] column.
     * Null for any other type.
     */
    static String castTypeOf(DataType<?> type) {
        Object binding = type.getBinding();
        if (binding instanceof ArrayFieldBinding<?, ?> field) {
            binding = field.array();
        }
        return binding instanceof TextBinding<?, ?> text ? text.castType()
                : binding instanceof TextArrayBinding<?, ?> array ? array.elementType() : null;
    }

    @Override
    public void sql(BindingSQLContext<U> ctx) throws SQLException {
        if (requires != null) {
            ServerGates.require(ctx.configuration(), requires);
        }
        if (castType != null) {
            ctx.render().sql("cast(");
        }
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(text(ctx.configuration()).to(ctx.value()), String.class));
        } else {
            ctx.render().sql(ctx.variable());
        }
        if (castType != null) {
            ctx.render().sql(" as ").sql(castFor(ctx.value())).sql(")");
        }
    }

    /** The cast of this value: its own type when it says, else the binding's. */
    private String castFor(U value) {
        return castOf == null || value == null ? castType : castOf.apply(value);
    }

    @Override
    public void register(BindingRegisterContext<U> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    /** A null goes out as a VARCHAR null, which both drivers send untyped (pgjdbc with stringtype=unspecified). */
    @Override
    public void set(BindingSetStatementContext<U> ctx) throws SQLException {
        String value = text(ctx.configuration()).to(ctx.value());
        if (value == null) {
            ctx.statement().setNull(ctx.index(), Types.VARCHAR);
        } else {
            ctx.statement().setString(ctx.index(), value);
        }
    }

    @Override
    public void get(BindingGetResultSetContext<U> ctx) throws SQLException {
        ctx.value(text(ctx.configuration()).from(ctx.resultSet().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetStatementContext<U> ctx) throws SQLException {
        ctx.value(text(ctx.configuration()).from(ctx.statement().getString(ctx.index())));
    }

    @Override
    public void set(BindingSetSQLOutputContext<U> ctx) throws SQLException {
        ctx.output().writeString(text(ctx.configuration()).to(ctx.value()));
    }

    @Override
    public void get(BindingGetSQLInputContext<U> ctx) throws SQLException {
        ctx.value(text(ctx.configuration()).from(ctx.input().readString()));
    }
}
