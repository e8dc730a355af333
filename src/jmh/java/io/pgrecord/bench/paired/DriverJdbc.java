package io.pgrecord.bench.paired;

import io.pgrecord.bench.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The main run's raw JDBC reads on the narrow table, on a pool of the driver-settings study,
 * and optionally in a transaction: pgjdbc honours a fetch size only with auto-commit off.
 */
final class DriverJdbc {

    private DriverJdbc() {
    }

    static Row byId(DataSource ds, long id) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(NarrowOps.COLUMNS + "where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? NarrowOps.map(rs) : null;
            }
        }
    }

    /** Rows of {@code COLUMNS + where} with one bind, into a list sized as the main run sizes it (0: unsized). */
    static List<Row> rows(DataSource ds, String where, long bind, int capacity, boolean inTransaction) throws SQLException {
        try (Connection c = ds.getConnection()) {
            if (inTransaction) {
                c.setAutoCommit(false);
            }
            List<Row> out = capacity == 0 ? new ArrayList<>() : new ArrayList<>(capacity);
            try (PreparedStatement ps = c.prepareStatement(NarrowOps.COLUMNS + where)) {
                ps.setLong(1, bind);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(NarrowOps.map(rs));
                    }
                }
            }
            if (inTransaction) {
                c.commit();
            }
            return out;
        }
    }
}
