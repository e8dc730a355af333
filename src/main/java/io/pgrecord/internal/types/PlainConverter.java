package io.pgrecord.internal.types;

import java.util.function.Function;
import org.jooq.Converter;

/**
 * A converter of two functions, null to null, as jOOQ's {@code Converter.ofNullable}, whose
 * {@link #from} and {@link #to} call them and nothing else. jOOQ's makes a converter context on
 * every call, which the direct path paid for every converted value of every row it read.
 */
final class PlainConverter<T, U> implements Converter<T, U> {

    private final Class<T> fromType;
    private final Class<U> toType;
    private final Function<? super T, ? extends U> from;
    private final Function<? super U, ? extends T> to;

    private PlainConverter(Class<T> fromType, Class<U> toType, Function<? super T, ? extends U> from,
            Function<? super U, ? extends T> to) {
        this.fromType = fromType;
        this.toType = toType;
        this.from = from;
        this.to = to;
    }

    static <T, U> Converter<T, U> of(Class<T> fromType, Class<U> toType, Function<? super T, ? extends U> from,
            Function<? super U, ? extends T> to) {
        return new PlainConverter<>(fromType, toType, from, to);
    }

    @Override
    public U from(T databaseObject) {
        return databaseObject == null ? null : from.apply(databaseObject);
    }

    @Override
    public T to(U userObject) {
        return userObject == null ? null : to.apply(userObject);
    }

    @Override
    public Class<T> fromType() {
        return fromType;
    }

    @Override
    public Class<U> toType() {
        return toType;
    }

    @Override
    public String toString() {
        return "PlainConverter[" + fromType.getName() + " -> " + toType.getName() + "]";
    }
}
