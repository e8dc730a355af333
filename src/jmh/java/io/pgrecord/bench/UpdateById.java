package io.pgrecord.bench;

import static io.pgrecord.bench.JooqTables.ITEMS;

import io.pgrecord.bench.JooqTables.ItemRec;
import io.pgrecord.bench.model.Item;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Load a row by id, change one field, save it. The new value is always different, so every
 * variant sends the UPDATE (pgrecord's dirty check would otherwise skip it). Every variant reads
 * the stored row back with {@code RETURNING}, as pgrecord's save must: raw JDBC by hand, jOOQ
 * with {@code returnAllOnUpdatableRecord}.
 */
// a short operation: its per-call code reaches the JIT's top tier within a few seconds
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UpdateById extends BenchBase {

    private int tick = 1_000_000;

    @Override
    protected void check() throws SQLException {
        long id = 42;
        Row before = readBack("bench_items", id);
        Row.same("update (JDBC) count", 1, jdbc(id, 1));
        Row.same("update (JDBC)", new Row(id, before.name, 1, before.active), readBack("bench_items", id));
        Row.same("update (jOOQ) count", 1, jooq(id, 2));
        Row.same("update (jOOQ)", new Row(id, before.name, 2, before.active), readBack("bench_items", id));
        Row.same("update (pgrecord) count", 1, pgrecord(id, 3));
        Row.same("update (pgrecord)", new Row(id, before.name, 3, before.active), readBack("bench_items", id));
        Row.same("update (pgrecord R2DBC) count", 1, pgrecordR2dbc(id, 4));
        Row.same("update (pgrecord R2DBC)", new Row(id, before.name, 4, before.active), readBack("bench_items", id));
    }

    int jdbc(long id, int qty) throws SQLException {
        try (Connection c = db.ds.getConnection()) {
            Row row;
            try (PreparedStatement ps = c.prepareStatement(SelectById.SQL)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    row = mapRow(rs);
                }
            }
            row.qty = qty;
            // RETURNING the row, as pgrecord's save refreshes the instance with what was stored
            try (PreparedStatement ps = c.prepareStatement(
                    "update bench_items set qty = ? where id = ? returning id, name, qty, active")) {
                ps.setInt(1, row.qty);
                ps.setLong(2, row.id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    row.name = rs.getString(2);
                    row.qty = rs.getInt(3);
                    row.active = rs.getBoolean(4);
                    return 1;
                }
            }
        }
    }

    int jooq(long id, int qty) {
        // returnAllOnUpdatableRecord: store() sends UPDATE ... RETURNING and refreshes the record
        ItemRec r = db.jooq.fetchOne(ITEMS, ITEMS.ID.eq(id));
        r.set(ITEMS.QTY, qty);
        return r.store();
    }

    int pgrecord(long id, int qty) {
        Item m = items.getById(id);
        m.qty = qty;
        return m.save();
    }

    int pgrecordR2dbc(long id, int qty) {
        return asyncItems.getById(id).flatMap(m -> {
            m.qty = qty;
            return m.save();
        }).block();
    }

    @Benchmark
    public int jdbc() throws SQLException {
        return jdbc(nextId(), ++tick);
    }

    @Benchmark
    public int jooq() {
        return jooq(nextId(), ++tick);
    }

    @Benchmark
    public int pgrecord() {
        return pgrecord(nextId(), ++tick);
    }

    @Benchmark
    public int pgrecordR2dbc() {
        return pgrecordR2dbc(nextId(), ++tick);
    }
}
