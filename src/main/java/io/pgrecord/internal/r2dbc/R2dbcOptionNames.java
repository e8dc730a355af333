package io.pgrecord.internal.r2dbc;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of r2dbc-postgresql's options, from its own lists: the {@link Option} constants of
 * its provider and of the R2DBC SPI that the provider reads.
 */
public final class R2dbcOptionNames {

    private static final Set<String> NAMES = names();

    private R2dbcOptionNames() {
    }

    public static Set<String> all() {
        return NAMES;
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        optionNames(PostgresqlConnectionFactoryProvider.class, names);
        optionNames(ConnectionFactoryOptions.class, names);
        return Collections.unmodifiableSet(names);
    }

    private static void optionNames(Class<?> holder, Set<String> names) {
        for (Field f : holder.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Option.class) {
                try {
                    names.add(((Option<?>) f.get(null)).name());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read r2dbc option " + f.getName(), e);
                }
            }
        }
    }
}
