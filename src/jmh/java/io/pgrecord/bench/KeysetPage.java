package io.pgrecord.bench;

import static io.pgrecord.bench.JooqTables.ITEMS;

import io.pgrecord.bench.model.AsyncItem;
import io.pgrecord.bench.model.Item;
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

/** A keyset page of 20: {@code where id > last order by id limit 20}, walking the table. */
// a short operation: its per-call code reaches the JIT's top tier within a few seconds
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeysetPage extends BenchBase {

    static final int PAGE = 20;
    private long last;

    private long nextLast() {
        last = (last + PAGE) % (BenchDb.ITEMS - PAGE);
        return last;
    }

    @Override
    protected void check() throws SQLException {
        for (long from : new long[] {0, 20, 4711}) {
            List<Row> expected = jdbc(from);
            Row.same("page size (JDBC)", PAGE, expected.size());
            Row.same("page after " + from + " (jOOQ)", expected, jooq(from));
            Row.same("page after " + from + " (pgrecord)", expected, pgrecord(from).stream().map(Row::of).toList());
            Row.same("page after " + from + " (pgrecord R2DBC)", expected, pgrecordR2dbc(from).stream().map(Row::of).toList());
        }
    }

    List<Row> jdbc(long after) throws SQLException {
        try (Connection c = db.ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select id, name, qty, active from bench_items where id > ? order by id limit " + PAGE)) {
            ps.setLong(1, after);
            List<Row> out = new ArrayList<>(PAGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapRow(rs));
                }
            }
            return out;
        }
    }

    List<Row> jooq(long after) {
        return db.jooq.selectFrom(ITEMS).where(ITEMS.ID.gt(after)).orderBy(ITEMS.ID).limit(PAGE).fetchInto(Row.class);
    }

    List<Item> pgrecord(long after) {
        return items.where("id > ?", after).orderBy("id").limit(PAGE).all();
    }

    List<AsyncItem> pgrecordR2dbc(long after) {
        return asyncItems.where("id > ?", after).orderBy("id").limit(PAGE).all().collectList().block();
    }

    @Benchmark
    public List<Row> jdbc() throws SQLException {
        return jdbc(nextLast());
    }

    @Benchmark
    public List<Row> jooq() {
        return jooq(nextLast());
    }

    @Benchmark
    public List<Item> pgrecord() {
        return pgrecord(nextLast());
    }

    @Benchmark
    public List<AsyncItem> pgrecordR2dbc() {
        return pgrecordR2dbc(nextLast());
    }
}
