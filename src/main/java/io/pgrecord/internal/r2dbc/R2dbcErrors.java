package io.pgrecord.internal.r2dbc;

import io.pgrecord.error.ConnectionException;
import io.pgrecord.error.PgRecordException;
import io.pgrecord.error.ServerErrorFields;
import io.pgrecord.internal.error.Causes;
import io.pgrecord.internal.error.ErrorTranslator;
import io.pgrecord.internal.error.UnreadableColumnException;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.exception.DataAccessException;

/** Turns r2dbc-postgresql and r2dbc-pool failures into pgrecord exceptions. */
public final class R2dbcErrors {

    /** When a connection was last found dead (System.nanoTime), so pools re-check idle ones; see ObservedConnectionFactory. */
    private static volatile long connectionLostAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    private R2dbcErrors() {
    }

    static long connectionLostAt() {
        return connectionLostAt;
    }

    /**
     * Exceptions of the application's own code run inside the work (a hook's), which come out as
     * they are wherever the work's error passes through a translation on its way out, whatever
     * they are (a hook may throw an IOException). Weak: only failures are kept, until dropped.
     */
    private static final java.util.Set<Throwable> APPLICATION =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    /** Marks {@code failure} as the application's own: {@link #translate} leaves it as it is. */
    static Throwable application(Throwable failure) {
        APPLICATION.add(failure);
        return failure;
    }

    /** The pgrecord exception for a failure; an already translated one is returned as is. */
    public static Throwable translate(Throwable failure) {
        Throwable translated = translate0(failure);
        if (translated instanceof ConnectionException) {
            connectionLostAt = System.nanoTime();
        }
        return translated;
    }

    private static Throwable translate0(Throwable failure) {
        if (failure instanceof PgRecordException || !fromDriver(failure) || APPLICATION.contains(failure)) {
            // the application's own exception (a hook's) comes out as it is, whatever its causes
            return failure;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgRecordException p) {
                return p;
            }
            if (t instanceof PostgresqlException pe && pe.getErrorDetails() != null) {
                return ErrorTranslator.translate(fields(pe.getErrorDetails()), t);
            }
        }
        IllegalArgumentException refused = Causes.refusedBind(failure);
        if (refused != null) {
            return refused;   // raised as the checks before any SQL raise it
        }
        R2dbcException r2dbc = Causes.find(failure, R2dbcException.class);
        if (r2dbc != null && r2dbc.getSqlState() != null && r2dbc.getSqlState().length() == 5
                && !r2dbc.getSqlState().startsWith("08")) {
            return ErrorTranslator.translate(ServerErrorFields.of(r2dbc.getSqlState(), Causes.messageOf(r2dbc)), r2dbc);
        }
        if (r2dbc instanceof R2dbcNonTransientResourceException || r2dbc instanceof R2dbcTransientResourceException
                || Causes.find(failure, IOException.class) != null || Causes.find(failure, ClosedChannelException.class) != null
                || (r2dbc != null && r2dbc.getSqlState() != null)) {
            Throwable source = r2dbc != null ? r2dbc : failure;
            return ErrorTranslator.connectionFailure(r2dbc != null ? r2dbc.getSqlState() : null, Causes.messageOf(source), failure);
        }
        if (r2dbc != null) {
            return new PgRecordException(Causes.messageOf(r2dbc), failure);
        }
        if (failure instanceof DataAccessException) {
            // jOOQ's own failure, e.g. "Error while reading field" around a conversion that threw:
            // a PgRecordException, as JdbcErrors makes it on the blocking path
            return new PgRecordException(Causes.messageOf(failure), failure);
        }
        return failure;
    }

    /**
     * Whether a failure is the driver's, the connection's or jOOQ's, which are translated; an
     * application's exception that merely has an {@code IOException} or a pgrecord exception
     * among its causes is not.
     */
    private static boolean fromDriver(Throwable failure) {
        String name = failure.getClass().getName();
        return failure instanceof R2dbcException || failure instanceof IOException || failure instanceof DataAccessException
                || failure instanceof java.util.concurrent.TimeoutException
                || name.startsWith("io.netty.") || name.startsWith("reactor.") || name.startsWith("io.r2dbc.");
    }

    /**
     * jOOQ's "Error while reading field" around a value r2dbc-postgresql could not decode, as
     * the column that could not be read; null for any other failure. jOOQ reads R2DBC rows in
     * its own mapping function and signals the failure itself, so the column's type comes from
     * the driver's message ("Cannot decode value of type java.lang.Integer with OID 25").
     */
    public static UnreadableColumnException unreadable(Throwable failure) {
        return UnreadableColumnException.ofJooq(failure, index -> {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                Matcher m = t.getMessage() == null ? null : DECODE_OID.matcher(t.getMessage());
                if (m != null && m.find()) {
                    return R2dbcColumns.typeName(Integer.parseInt(m.group(1)));
                }
            }
            return null;
        });
    }

    private static final Pattern DECODE_OID = Pattern.compile("Cannot decode value .* with OID (\\d+)");

    private static ServerErrorFields fields(ErrorDetails d) {
        return new ServerErrorFields(d.getCode(), d.getMessage(), d.getDetail().orElse(null), d.getHint().orElse(null),
                d.getSchemaName().orElse(null), d.getTableName().orElse(null), d.getColumnName().orElse(null),
                d.getConstraintName().orElse(null));
    }
}
