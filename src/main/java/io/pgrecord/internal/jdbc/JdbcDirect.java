package io.pgrecord.internal.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.error.ConnectionException;
import io.pgrecord.error.MappingException;
import io.pgrecord.internal.error.UnreadableColumnException;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.exec.StatementTiming;
import io.pgrecord.internal.types.ColumnKind;
import io.pgrecord.internal.types.DateTimeText;
import io.pgrecord.internal.types.DirectType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.ConnectionProvider;

/**
 * Runs a pre-rendered statement on a plain {@link PreparedStatement}, binding and reading by
 * {@link ColumnKind}: the model hot path, with no jOOQ query, record or listener per call. It
 * records and translates like the jOOQ path, and pgjdbc's per-connection statement cache
 * turns the repeated SQL into a server-prepared statement.
 */
public final class JdbcDirect {

    private final StatementRecorder recorder;
    private final Runnable connectionLost;
    private final ObjectMapper jsonMapper;

    JdbcDirect(StatementRecorder recorder, Runnable connectionLost, ObjectMapper jsonMapper) {
        this.recorder = recorder;
        this.connectionLost = connectionLost;
        this.jsonMapper = jsonMapper;
    }

    /** A list of the rows of a statement returning more than this many is left to grow. */
    private static final int SIZED_UP_TO = 64;

    /**
     * The rows as value arrays, one element per column in {@code columns}, in a list sized for
     * {@code maxRows} when it is known and small (0: unknown): a page of 20 rows then takes one
     * array instead of three, a single row a 1-element array instead of 10.
     */
    public List<Object[]> rows(ConnectionProvider connections, String sql, Object[] values, DirectType[] kinds,
            DirectType[] columns, int maxRows) {
        StatementTiming timing = recorder.start(sql);
        try {
            List<Object[]> rows = send(connections, sql, values, kinds, columns, maxRows);
            if (timing != null) {
                timing.succeeded(rows.size(), () -> Arrays.asList(values));
            }
            return rows;
        } catch (RuntimeException e) {
            if (timing != null) {
                timing.failed(e, () -> Arrays.asList(values));
            }
            throw e;
        }
    }

    private List<Object[]> send(ConnectionProvider connections, String sql, Object[] values, DirectType[] kinds,
            DirectType[] columns, int maxRows) {
        Connection c = connections.acquire();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                DirectType kind = kinds[i];
                bind(ps, i + 1, kind.kind(), kind.converted() ? kind.toDriver(values[i], jsonMapper) : values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> rows = maxRows > 0 && maxRows <= SIZED_UP_TO ? new ArrayList<>(maxRows) : new ArrayList<>();
                int size = DirectType.rowSize(columns);
                while (rs.next()) {
                    Object[] row = new Object[size];
                    int i = 0;
                    try {
                        for (int snapshot = columns.length; i < columns.length; i++) {
                            DirectType column = columns[i];
                            snapshot = column.store(row, i, snapshot, read(rs, i + 1, column.kind()), jsonMapper);
                        }
                    } catch (MappingException e) {
                        // a conversion's own verdict on a value, e.g. an inet with a prefix for an InetAddress
                        throw e;
                    } catch (SQLException | RuntimeException e) {
                        throw unreadable(rs, i, columns[i], e);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            RuntimeException translated = recorder.masked(JdbcErrors.translate(e), sql);
            if (translated instanceof ConnectionException) {
                connectionLost.run();
            }
            throw translated;
        } finally {
            connections.release(c);
        }
    }

    /**
     * A value pgjdbc could not read as the column's kind ("Bad value for type int", with a
     * SQLSTATE pgjdbc makes up), as the column it came from; a lost connection stays itself.
     */
    private static RuntimeException unreadable(ResultSet rs, int i, DirectType kind, Exception e) throws SQLException {
        if (e instanceof SQLException sql && (sql.getSQLState() == null || sql.getSQLState().startsWith("08"))) {
            throw sql;
        }
        String label = null;
        String type = null;
        try {
            ResultSetMetaData md = rs.getMetaData();
            label = md.getColumnLabel(i + 1);
            type = md.getColumnTypeName(i + 1);
        } catch (SQLException ignored) {
            // the message names the column by position instead
        }
        return new UnreadableColumnException(i, label, type, kind.type(), e);
    }

    private static void bind(PreparedStatement ps, int i, ColumnKind kind, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, kind.sqlType());
            return;
        }
        switch (kind) {
            case LONG -> ps.setLong(i, (Long) v);
            case INT -> ps.setInt(i, (Integer) v);
            case SHORT -> ps.setShort(i, (Short) v);
            // with stringtype=unspecified both are sent untyped, as jOOQ sends them
            case TEXT, UNTYPED_TEXT -> ps.setString(i, (String) v);
            case BOOL -> ps.setBoolean(i, (Boolean) v);
            case DOUBLE -> ps.setDouble(i, (Double) v);
            case FLOAT -> ps.setFloat(i, (Float) v);
            case DECIMAL -> ps.setBigDecimal(i, (BigDecimal) v);
            // pgjdbc sends a boxed array as the matching array type
            case UUID, LONG_ARRAY, INT_ARRAY, TEXT_ARRAY, UUID_ARRAY -> ps.setObject(i, v);
            // range-checked by BindValues; the text of the few dates pgjdbc would make -infinity
            case DATE, TIMESTAMP, TIMESTAMPTZ -> ps.setObject(i, DateTimeText.forDriver(v));
        }
    }

    private static Object read(ResultSet rs, int i, ColumnKind kind) throws SQLException {
        // the getters returning a primitive need wasNull(); the others return null themselves
        return switch (kind) {
            case LONG -> nullable(rs, rs.getLong(i));
            case INT -> nullable(rs, rs.getInt(i));
            case SHORT -> nullable(rs, rs.getShort(i));
            case BOOL -> nullable(rs, rs.getBoolean(i));
            case DOUBLE -> nullable(rs, rs.getDouble(i));
            case FLOAT -> nullable(rs, rs.getFloat(i));
            case TEXT, UNTYPED_TEXT -> rs.getString(i);
            case DECIMAL -> rs.getBigDecimal(i);
            case UUID, DATE, TIMESTAMP, TIMESTAMPTZ -> rs.getObject(i, kind.type());
            case LONG_ARRAY, INT_ARRAY, TEXT_ARRAY, UUID_ARRAY -> {
                Array a = rs.getArray(i);
                yield a == null ? null : a.getArray();
            }
        };
    }

    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }
}
