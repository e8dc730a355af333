package io.pgrecord.internal.error;

import java.sql.SQLException;

/** Walks a failure's cause chain, for the driver-specific error translators. */
public final class Causes {

    private Causes() {
    }

    /** The first throwable of the type in the chain, or null. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Whether any throwable in the chain is one of the types. */
    @SafeVarargs
    public static boolean has(Throwable failure, Class<? extends Throwable>... types) {
        for (Class<? extends Throwable> type : types) {
            if (find(failure, type) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The refusal a binding made of a value as jOOQ set it, which jOOQ wraps in an SQLException
     * of no SQLSTATE ("Error while writing value at bind index"): an unpaired surrogate in the
     * JSON the backend's mapper wrote, say. Null for any other failure.
     */
    public static IllegalArgumentException refusedBind(Throwable failure) {
        SQLException sql = find(failure, SQLException.class);
        return sql != null && sql.getSQLState() == null && sql.getCause() instanceof IllegalArgumentException refused ? refused : null;
    }

    /** The message, or the class name when there is none. */
    public static String messageOf(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getName();
    }
}
