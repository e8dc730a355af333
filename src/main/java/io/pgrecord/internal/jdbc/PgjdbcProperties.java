package io.pgrecord.internal.jdbc;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.PGProperty;

/** The names of pgjdbc's connection properties, from its own list ({@link PGProperty}). */
public final class PgjdbcProperties {

    private static final Set<String> NAMES = names();

    private PgjdbcProperties() {
    }

    public static Set<String> all() {
        return NAMES;
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (PGProperty p : PGProperty.values()) {
            names.add(p.getName());
        }
        return Collections.unmodifiableSet(names);
    }
}
