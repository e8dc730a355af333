package io.pgrecord.internal.types;

import io.pgrecord.internal.core.JooqDefaults;
import io.pgrecord.internal.r2dbc.R2dbcBinds;
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
import org.jooq.DataType;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A value that travels as its PostgreSQL text form. With a SQL type it renders
 * {@code cast(? as type)}; without one the bind is untyped and the server infers its type from
 * context (pgjdbc's {@code stringtype=unspecified}, and an unspecified parameter on R2DBC), so a
 * string can be compared with jsonb, citext or enum columns on both paths.
 */
public class TextBinding<U> implements Binding<String, U> {

    private final String castType;
    private final Converter<String, U> converter;

    public TextBinding(String castType, Converter<String, U> converter) {
        this.castType = castType;
        this.converter = converter;
    }

    /** A data type carried by this binding; converters must go in here, not on top, for arrays to work. */
    public static <U> DataType<U> type(String castType, Converter<String, U> converter) {
        return SQLDataType.VARCHAR.asConvertedDataType(new TextBinding<>(castType, converter));
    }

    /** Untyped text. */
    public static TextBinding<String> untyped() {
        return new TextBinding<>(null, Converter.ofNullable(String.class, String.class, s -> s, s -> s));
    }

    @Override
    public Converter<String, U> converter() {
        return converter;
    }

    /** Arrays of any dimension as one literal, {@code cast(? as type[])}; untyped text has no array form here. */
    @Override
    public Binding<String[], U[]> arrayBinding() {
        return castType == null ? null : TextArrayBinding.of(castType, converter);
    }

    /** The SQL type the bind is cast to, or null for untyped text. */
    public String castType() {
        return castType;
    }

    @Override
    public void sql(BindingSQLContext<U> ctx) throws SQLException {
        if (castType != null) {
            ctx.render().sql("cast(");
        }
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(converter.to(ctx.value())));
        } else {
            ctx.render().sql(ctx.variable());
        }
        if (castType != null) {
            ctx.render().sql(" as ").sql(castType).sql(")");
        }
    }

    @Override
    public void register(BindingRegisterContext<U> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    @Override
    public void set(BindingSetStatementContext<U> ctx) throws SQLException {
        String text = converter.to(ctx.value());
        if (castType == null && ctx.configuration().data(JooqDefaults.R2DBC_FLAG) != null) {
            ctx.statement().setObject(ctx.index(), R2dbcBinds.untyped(text));
        } else if (text == null) {
            ctx.statement().setNull(ctx.index(), castType == null ? Types.OTHER : Types.VARCHAR);
        } else {
            ctx.statement().setString(ctx.index(), text);
        }
    }

    @Override
    public void get(BindingGetResultSetContext<U> ctx) throws SQLException {
        ctx.value(converter.from(ctx.resultSet().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetStatementContext<U> ctx) throws SQLException {
        ctx.value(converter.from(ctx.statement().getString(ctx.index())));
    }

    @Override
    public void set(BindingSetSQLOutputContext<U> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetSQLInputContext<U> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }
}
