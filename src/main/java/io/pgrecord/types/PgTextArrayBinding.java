package io.pgrecord.types;

import java.lang.reflect.Array;
import io.pgrecord.Capability;
import io.pgrecord.internal.core.ServerGates;
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
import org.jooq.Converter;
import org.jooq.RenderContext;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * The array form of {@link PgTextBinding}: a {@code T[]} travels as one array literal string,
 * {@code CAST(? AS macaddr[])}, and comes back through {@code getString}, so it needs no driver
 * array support on either executor. One-dimensional arrays; NULL elements are kept.
 */
final class PgTextArrayBinding<T> implements Binding<Object[], T[]> {

    private final String castType;
    private final String elementType;
    private final Function<? super T, String> castOf;
    private final char delimiter;
    private final Converter<Object[], T[]> converter;
    private final Capability requires;

    /** @param castOf the element type of one value, or null when every element is an {@code elementType}; see {@link PgTextBinding} */
    @SuppressWarnings("unchecked")
    PgTextArrayBinding(String elementType, Function<? super T, String> castOf, char delimiter, Class<T> type,
            Function<String, T> parser, Capability requires) {
        this.castType = elementType + "[]";
        this.requires = requires;
        this.elementType = elementType;
        this.castOf = castOf;
        this.delimiter = delimiter;
        Class<T[]> arrayType = (Class<T[]>) Array.newInstance(type, 0).getClass();
        this.converter = Converter.ofNullable(Object[].class, arrayType, db -> {
            T[] out = (T[]) Array.newInstance(type, db.length);
            for (int i = 0; i < db.length; i++) {
                out[i] = db[i] == null ? null : parser.apply(db[i].toString());
            }
            return out;
        }, values -> {
            Object[] out = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] == null ? null : values[i].toString();
            }
            return out;
        });
    }

    @Override
    public Converter<Object[], T[]> converter() {
        return converter;
    }

    private String literal(Object[] elements) {
        return elements == null ? null : PgArrayText.format(elements, delimiter);
    }

    @Override
    public void sql(BindingSQLContext<T[]> ctx) throws SQLException {
        if (requires != null) {
            ServerGates.require(ctx.configuration(), requires);
        }
        RenderContext render = ctx.render();
        render.visit(DSL.keyword("cast")).sql('(');
        if (render.paramType() == ParamType.INLINED) {
            render.visit(DSL.inline(literal(ctx.convert(converter).value()), String.class));
        } else {
            render.sql(ctx.variable());
        }
        render.sql(' ').visit(DSL.keyword("as")).sql(' ').sql(castFor(ctx.value())).sql(')');
    }

    /**
     * The array's cast: the first element type other than {@code elementType} that an element
     * asks for (an 8-byte address makes the array a {@code macaddr8[]}, into which the server
     * converts the 6-byte ones), else {@code elementType[]}.
     */
    private String castFor(T[] values) {
        if (castOf != null && values != null) {
            for (T v : values) {
                String cast = v == null ? elementType : castOf.apply(v);
                if (!cast.equals(elementType)) {
                    return cast + "[]";
                }
            }
        }
        return castType;
    }

    @Override
    public void register(BindingRegisterContext<T[]> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.OTHER);
    }

    @Override
    public void set(BindingSetStatementContext<T[]> ctx) throws SQLException {
        String text = literal(ctx.convert(converter).value());
        if (text == null) {
            ctx.statement().setNull(ctx.index(), Types.VARCHAR);
        } else {
            ctx.statement().setString(ctx.index(), text);
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<T[]> ctx) throws SQLException {
        ctx.output().writeString(literal(ctx.convert(converter).value()));
    }

    @Override
    public void get(BindingGetResultSetContext<T[]> ctx) throws SQLException {
        ctx.convert(converter).value(elements(ctx.resultSet().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetStatementContext<T[]> ctx) throws SQLException {
        ctx.convert(converter).value(elements(ctx.statement().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetSQLInputContext<T[]> ctx) throws SQLException {
        ctx.convert(converter).value(elements(ctx.input().readString()));
    }

    private Object[] elements(String text) {
        return text == null ? null : PgArrayText.parse(text, delimiter, elementType);
    }
}
