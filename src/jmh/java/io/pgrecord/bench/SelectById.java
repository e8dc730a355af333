package io.pgrecord.bench;

import static io.pgrecord.bench.JooqTables.ITEMS;

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

/** One row by primary key, mapped into an object. */
// a short operation: its per-call code reaches the JIT's top tier within a few seconds
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SelectById extends BenchBase {

    static final String SQL = "select id, name, qty, active from bench_items where id = ?";

    @Override
    protected void check() throws SQLException {
        for (long id : new long[] {1, 4711, BenchDb.ITEMS}) {
            Row expected = jdbc(id);
            Row.same("select by id " + id + " (jOOQ)", expected, jooq(id));
            Row.same("select by id " + id + " (pgrecord)", expected, Row.of(items.getById(id)));
            Row.same("select by id " + id + " (pgrecord R2DBC)", expected, Row.of(asyncItems.getById(id).block()));
        }
    }

    Row jdbc(long id) throws SQLException {
        try (Connection c = db.ds.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? mapRow(rs) : null;
            }
        }
    }

    Row jooq(long id) {
        return db.jooq.selectFrom(ITEMS).where(ITEMS.ID.eq(id)).fetchOneInto(Row.class);
    }

    @Benchmark
    public Row jdbc() throws SQLException {
        return jdbc(nextId());
    }

    @Benchmark
    public Row jooq() {
        return jooq(nextId());
    }

    @Benchmark
    public Object pgrecord() {
        return items.getById(nextId());
    }

    @Benchmark
    public Object pgrecordR2dbc() {
        return asyncItems.getById(nextId()).block();
    }
}
