package io.pgrecord.internal.types;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiFunction;
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
 * {@code date}, {@code timestamp} and {@code timestamptz} as java.time values, passed to and
 * from the driver as java.time values, as the direct path ({@link ColumnKind}) passes them.
 * Both drivers carry BC dates, years past 9999 and the infinities ({@code MAX}/{@code MIN})
 * right that way, where jOOQ's own binding goes through {@code java.sql.Date} and reads a BC
 * date as AD (pgjdbc) or writes it as AD (r2dbc-postgresql), and reads {@code infinity} as some
 * date in the year 292278994.
 *
 * <p>Left to themselves the drivers turn some values outside the server's range into
 * {@code ±infinity}; each value is checked by {@link DateTimeText} first, so such a value is a
 * {@code DataException} before any SQL. An {@code Instant} travels as an {@code OffsetDateTime}
 * at UTC, and {@code Instant.MAX}/{@code MIN} are the infinities.
 */
final class TemporalBinding<T> implements Binding<T, T> {

    static final TemporalBinding<LocalDate> DATE = new TemporalBinding<>(LocalDate.class, "date", ColumnKind.DATE,
            Types.DATE, DateTimeText::checkDate, DateTimeText::formatDate, LocalDate.class, d -> d, d -> (LocalDate) d);
    static final TemporalBinding<LocalDateTime> TIMESTAMP = new TemporalBinding<>(LocalDateTime.class, "timestamp",
            ColumnKind.TIMESTAMP, Types.TIMESTAMP, DateTimeText::checkTimestamp, DateTimeText::formatTimestamp,
            LocalDateTime.class, t -> t, t -> (LocalDateTime) t);
    static final TemporalBinding<OffsetDateTime> TIMESTAMPTZ = new TemporalBinding<>(OffsetDateTime.class, "timestamptz",
            ColumnKind.TIMESTAMPTZ, Types.TIMESTAMP_WITH_TIMEZONE, DateTimeText::checkTimestampTz,
            DateTimeText::formatTimestampTz, OffsetDateTime.class, t -> t, t -> DateTimeText.utc((OffsetDateTime) t));
    static final TemporalBinding<Instant> INSTANT = new TemporalBinding<>(Instant.class, "timestamptz", null,
            Types.TIMESTAMP_WITH_TIMEZONE, DateTimeText::checkInstant, DateTimeText::formatInstant, OffsetDateTime.class,
            TemporalBinding::offsetDateTime, TemporalBinding::instant);

    private final String castType;
    private final ColumnKind kind;
    private final int sqlType;
    private final BiFunction<String, T, T> check;
    private final Function<T, String> text;
    private final Class<?> driverType;
    private final Function<T, Object> toDriver;
    private final Function<Object, T> fromDriver;
    private final Converter<T, T> converter;

    private TemporalBinding(Class<T> type, String castType, ColumnKind kind, int sqlType, BiFunction<String, T, T> check,
            Function<T, String> text, Class<?> driverType, Function<T, Object> toDriver, Function<Object, T> fromDriver) {
        this.castType = castType;
        this.kind = kind;
        this.sqlType = sqlType;
        this.check = check;
        this.text = text;
        this.driverType = driverType;
        this.toDriver = toDriver;
        this.fromDriver = fromDriver;
        this.converter = PlainConverter.of(type, type, v -> v, v -> v);
    }

    /** The direct-path kind of this type, or null (an {@code Instant} goes through jOOQ). */
    ColumnKind kind() {
        return kind;
    }

    private static Object offsetDateTime(Instant t) {
        return t.equals(Instant.MAX) ? OffsetDateTime.MAX : t.equals(Instant.MIN) ? OffsetDateTime.MIN
                : t.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object driverValue) {
        OffsetDateTime t = (OffsetDateTime) driverValue;
        return t.equals(OffsetDateTime.MAX) ? Instant.MAX : t.equals(OffsetDateTime.MIN) ? Instant.MIN : t.toInstant();
    }

    @Override
    public Converter<T, T> converter() {
        return converter;
    }

    @Override
    public void sql(BindingSQLContext<T> ctx) throws SQLException {
        ctx.render().sql("cast(");
        if (ctx.render().paramType() == ParamType.INLINED) {
            T value = ctx.value();
            ctx.render().visit(DSL.inline(value == null ? null : text.apply(check.apply("a bind value", value)), String.class));
        } else {
            ctx.render().sql(ctx.variable());
        }
        ctx.render().sql(" as ").sql(castType).sql(")");
    }

    @Override
    public void register(BindingRegisterContext<T> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), sqlType);
    }

    @Override
    public void set(BindingSetStatementContext<T> ctx) throws SQLException {
        T value = ctx.value();
        if (value == null) {
            ctx.statement().setNull(ctx.index(), sqlType);
        } else {
            ctx.statement().setObject(ctx.index(), DateTimeText.forDriver(toDriver.apply(check.apply("a bind value", value))));
        }
    }

    @Override
    public void get(BindingGetResultSetContext<T> ctx) throws SQLException {
        Object v = ctx.resultSet().getObject(ctx.index(), driverType);
        ctx.value(v == null ? null : fromDriver.apply(v));
    }

    @Override
    public void get(BindingGetStatementContext<T> ctx) throws SQLException {
        Object v = ctx.statement().getObject(ctx.index(), driverType);
        ctx.value(v == null ? null : fromDriver.apply(v));
    }

    @Override
    public void set(BindingSetSQLOutputContext<T> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetSQLInputContext<T> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }
}
