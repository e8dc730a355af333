package io.pgrecord.types;

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
 * Binds a value type through its PostgreSQL text form, in the style of jOOQ's
 * postgres-extensions bindings: the value travels as a string and the SQL casts it,
 * {@code CAST(? AS macaddr)}, and results are read with {@code getString}.
 *
 * <p>This is what makes one binding work on both executors. pgjdbc (with
 * {@code stringtype=unspecified}) and r2dbc-postgresql both send a string bind that the cast
 * types on the server, and both return the text output of any column through
 * {@code getString}: r2dbc-postgresql has no codec for most of these OIDs, but when asked for a
 * {@code String} it decodes any text-format column as text.
 */
final class PgTextBinding<T> implements Binding<Object, T> {

    private final String castType;
    private final Function<? super T, String> castOf;
    private final Class<T> type;
    private final Function<String, T> parser;
    private final Converter<Object, T> converter;
    private final Capability requires;

    /**
     * @param castType the type a bind is cast to
     * @param castOf for a type whose values say which PostgreSQL type they are, the cast of one
     *     value (a 6-byte {@link MacAddress} is a macaddr, an 8-byte one a macaddr8); null when
     *     every value takes {@code castType}
     */
    PgTextBinding(String castType, Function<? super T, String> castOf, Class<T> type, Function<String, T> parser,
            Capability requires) {
        this.castType = castType;
        this.castOf = castOf;
        this.requires = requires;
        this.type = type;
        this.parser = parser;
        this.converter = Converter.ofNullable(Object.class, type, db -> parser.apply(db.toString()), Object::toString);
    }

    @Override
    public Converter<Object, T> converter() {
        return converter;
    }

    /** Arrays travel as one array literal; {@code box} is the one type here whose delimiter is {@code ;}. */
    @Override
    public Binding<Object[], T[]> arrayBinding() {
        return new PgTextArrayBinding<>(castType, castOf, castType.equals("box") ? ';' : ',', type, parser, requires);
    }

    @Override
    public void sql(BindingSQLContext<T> ctx) throws SQLException {
        if (requires != null) {
            ServerGates.require(ctx.configuration(), requires);
        }
        RenderContext render = ctx.render();
        render.visit(DSL.keyword("cast")).sql('(');
        if (render.paramType() == ParamType.INLINED) {
            render.visit(DSL.inline(ctx.convert(converter).value(), String.class));
        } else {
            render.sql(ctx.variable());
        }
        render.sql(' ').visit(DSL.keyword("as")).sql(' ').sql(castFor(ctx.value())).sql(')');
    }

    /** The cast of this value: its own type when it says, else the binding's. */
    private String castFor(T value) {
        return castOf == null || value == null ? castType : castOf.apply(value);
    }

    @Override
    public void register(BindingRegisterContext<T> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.OTHER);
    }

    @Override
    public void set(BindingSetStatementContext<T> ctx) throws SQLException {
        Object text = ctx.convert(converter).value();
        if (text == null) {
            ctx.statement().setNull(ctx.index(), Types.VARCHAR);
        } else {
            ctx.statement().setString(ctx.index(), text.toString());
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<T> ctx) throws SQLException {
        Object text = ctx.convert(converter).value();
        ctx.output().writeString(text == null ? null : text.toString());
    }

    @Override
    public void get(BindingGetResultSetContext<T> ctx) throws SQLException {
        ctx.convert(converter).value(ctx.resultSet().getString(ctx.index()));
    }

    @Override
    public void get(BindingGetStatementContext<T> ctx) throws SQLException {
        ctx.convert(converter).value(ctx.statement().getString(ctx.index()));
    }

    @Override
    public void get(BindingGetSQLInputContext<T> ctx) throws SQLException {
        ctx.convert(converter).value(ctx.input().readString());
    }
}
