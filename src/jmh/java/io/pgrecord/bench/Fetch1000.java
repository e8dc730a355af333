package io.pgrecord.bench;

import static io.pgrecord.bench.JooqTables.ITEMS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** 1,000 rows into objects. */
// about a millisecond per operation: code run once per call reaches the JIT's top tier only
// after 10,000-15,000 calls (the one C2 thread of a 2-core machine has a queue, which raises
// its thresholds), and pgrecord's fork settled only after 15-25 s; a shorter warmup would
// time the facades in half-compiled code
@Warmup(iterations = 25, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Fetch1000 extends BenchBase {

    static final long LAST = 1000;

    @Override
    protected void check() throws SQLException {
        List<Row> expected = jdbc();
        Row.same("rows (JDBC)", 1000, expected.size());
        Row.same("fetch 1000 (jOOQ)", expected, jooq());
        Row.same("fetch 1000 (pgrecord)", expected, pgrecord().stream().map(Row::of).toList());
        Row.same("fetch 1000 (pgrecord R2DBC)", expected, pgrecordR2dbc().stream().map(Row::of).toList());
    }

    @Benchmark
    public List<Row> jdbc() throws SQLException {
        try (Connection c = db.ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, name, qty, active from bench_items where id <= ? order by id")) {
            ps.setLong(1, LAST);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapRow(rs));
                }
            }
            return out;
        }
    }

    @Benchmark
    public List<Row> jooq() {
        return db.jooq.selectFrom(ITEMS).where(ITEMS.ID.le(LAST)).orderBy(ITEMS.ID).fetchInto(Row.class);
    }

    @Benchmark
    public List<io.pgrecord.bench.model.Item> pgrecord() {
        return items.where("id <= ?", LAST).orderBy("id").all();
    }

    @Benchmark
    public List<io.pgrecord.bench.model.AsyncItem> pgrecordR2dbc() {
        return asyncItems.where("id <= ?", LAST).orderBy("id").all().collectList().block();
    }
}
