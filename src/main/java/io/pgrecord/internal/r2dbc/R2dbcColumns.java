package io.pgrecord.internal.r2dbc;

import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.RowMetadata;
import java.util.Locale;

/** What a result column's metadata says, for the message of a value that could not be read. */
final class R2dbcColumns {

    private R2dbcColumns() {
    }

    /** The column's label, or null. */
    static String name(RowMetadata metadata, int index) {
        try {
            return metadata.getColumnMetadata(index).getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The column's PostgreSQL type name as pgjdbc gives it ({@code text}, {@code int4}), or
     * {@code oid N} for a type r2dbc-postgresql does not know by name; null when unknown.
     */
    static String serverType(RowMetadata metadata, int index) {
        try {
            ColumnMetadata column = metadata.getColumnMetadata(index);
            return column.getNativeTypeMetadata() instanceof Integer oid ? typeName(oid) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A type's name by OID, as pgjdbc gives it ({@code text}, {@code int4}), or {@code oid N} for one not built in. */
    static String typeName(int oid) {
        return PostgresqlObjectId.isValid(oid) ? PostgresqlObjectId.valueOf(oid).name().toLowerCase(Locale.ROOT) : "oid " + oid;
    }
}
