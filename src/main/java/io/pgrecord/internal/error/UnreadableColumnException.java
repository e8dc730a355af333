package io.pgrecord.internal.error;

import io.pgrecord.error.MappingException;
import io.pgrecord.error.PgRecordException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A result column whose value the driver could not read as the Java type asked for: pgjdbc's
 * "Bad value for type int", r2dbc-postgresql's "Cannot decode value", or either of them inside
 * jOOQ's "Error while reading field". It carries what the reading code knows (the column's
 * position, label and server type). The runner of a model's statement turns it into a
 * {@link MappingException} that also names the model and the field; on raw jOOQ it reaches the
 * caller as it is, naming the column.
 *
 * <p>Raised only after a read failed: the reading loops catch and rethrow, and check nothing per
 * row.
 */
public final class UnreadableColumnException extends MappingException {

    /** jOOQ's message for a value its binding could not read; stable since jOOQ 3.x. */
    private static final Pattern JOOQ_READ = Pattern.compile("Error while reading field: (.*), at JDBC index: (\\d+)");

    private final int index;
    private final String column;
    private final String serverType;
    private final String reason;

    /**
     * @param index the column's position in the row, from 0
     * @param column its label in the result, or null
     * @param serverType its PostgreSQL type name ({@code text}, {@code int4}), or null when unknown
     * @param javaType the type it was read as, or null when unknown
     * @param cause the driver's failure
     */
    public UnreadableColumnException(int index, String column, String serverType, Class<?> javaType, Throwable cause) {
        super("cannot read column " + (column != null ? column : "#" + (index + 1)) + " (" + typeOrUnknown(serverType) + ")"
                + (javaType != null ? " as " + javaType.getName() : "") + ": " + reasonOf(cause), cause);
        this.index = index;
        this.column = column;
        this.serverType = serverType;
        this.reason = reasonOf(cause);
    }

    /**
     * The failure jOOQ raised for a value its binding could not read, with the server type of
     * the column it names; null when the failure is something else, already a pgrecord
     * exception (e.g. a converter's MappingException) or a lost connection.
     *
     * @param serverType the server type of a column by position from 0; may return null
     */
    public static UnreadableColumnException ofJooq(Throwable failure, IntFunction<String> serverType) {
        Matcher m = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgRecordException || t instanceof IOException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return null;    // translated as before: a converter's own error, or a lost connection
            }
            Matcher candidate = t.getMessage() == null ? null : JOOQ_READ.matcher(t.getMessage());
            if (m == null && candidate != null && candidate.find()) {
                m = candidate;
            }
        }
        if (m == null) {
            return null;
        }
        int index = Integer.parseInt(m.group(2)) - 1;
        String type;
        try {
            type = serverType.apply(index);
        } catch (RuntimeException e) {
            type = null;
        }
        return new UnreadableColumnException(index, m.group(1).replace("\"", ""), type, null, failure);
    }

    /** The column's position in the row, from 0. */
    public int index() {
        return index;
    }

    /** The column's label in the result, possibly qualified ({@code misfits.name}), or null. */
    public String column() {
        return column;
    }

    /** The column's PostgreSQL type name, or {@code "unknown type"}. */
    public String serverType() {
        return typeOrUnknown(serverType);
    }

    /** Whether the driver told the column's type, which {@link #serverType()} then names. */
    public boolean knowsServerType() {
        return serverType != null;
    }

    /** What the driver said, without jOOQ's wrapping. */
    public String reason() {
        return reason;
    }

    private static String typeOrUnknown(String serverType) {
        return serverType != null ? serverType : "unknown type";
    }

    /** The innermost message: the driver's own, not the wrappers' around it. */
    private static String reasonOf(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Causes.messageOf(root);
    }
}
