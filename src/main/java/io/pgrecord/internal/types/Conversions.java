package io.pgrecord.internal.types;

import org.jooq.Converter;
import org.jooq.ConverterProvider;
import org.jooq.exception.DataTypeException;
import org.jooq.impl.DefaultConverterProvider;

/**
 * jOOQ's lenient value conversions (numbers, text, dates and arrays into one another), asked of
 * its converter provider: the static {@code org.jooq.tools.Convert} is deprecated for removal.
 */
public final class Conversions {

    private static final ConverterProvider PROVIDER = new DefaultConverterProvider();

    private Conversions() {
    }

    /**
     * The value as a {@code type}: null when it is null or does not parse (as {@code "Anne"} as an
     * Integer), a {@link DataTypeException} when jOOQ knows no conversion between the two types.
     */
    public static <U> U convert(Object value, Class<U> type) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        @SuppressWarnings("unchecked") // the value is an instance of its own class
        Class<Object> from = (Class<Object>) value.getClass();
        Converter<Object, U> converter = PROVIDER.provide(from, type);
        if (converter == null) {
            throw new DataTypeException("Cannot convert from " + value + " (" + from + ") to " + type);
        }
        return converter.from(value);
    }
}
