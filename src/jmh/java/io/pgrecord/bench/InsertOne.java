package io.pgrecord.bench;

import static io.pgrecord.bench.JooqTables.INS;

import io.pgrecord.bench.JooqTables.InsRec;
import io.pgrecord.bench.model.AsyncNewItem;
import io.pgrecord.bench.model.NewItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One INSERT that hands back the generated id. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InsertOne extends BenchBase {

    private int tick;

    @Setup(Level.Iteration)
    public void truncate() {
        db.exec("truncate bench_ins");
    }

    @Override
    protected void check() throws SQLException {
        Row.same("insert (JDBC)", new Row(null, "n1", 1, true), strip(readBack("bench_ins", jdbc(1))));
        Row.same("insert (jOOQ)", new Row(null, "n2", 2, false), strip(readBack("bench_ins", jooq(2))));
        Row.same("insert (pgrecord)", new Row(null, "n3", 3, true), strip(readBack("bench_ins", pgrecord(3))));
        Row.same("insert (pgrecord R2DBC)", new Row(null, "n4", 4, false), strip(readBack("bench_ins", pgrecordR2dbc(4))));
    }

    private static Row strip(Row r) {
        return r == null ? null : new Row(null, r.name, r.qty, r.active);
    }

    long jdbc(int n) throws SQLException {
        try (Connection c = db.ds.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into bench_ins (name, qty, active) values (?, ?, ?) returning id")) {
            ps.setString(1, "n" + n);
            ps.setInt(2, n);
            ps.setBoolean(3, n % 2 == 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long jooq(int n) {
        InsRec r = db.jooq.newRecord(INS);
        r.set(INS.NAME, "n" + n);
        r.set(INS.QTY, n);
        r.set(INS.ACTIVE, n % 2 == 1);
        r.store();
        return r.get(INS.ID);
    }

    long pgrecord(int n) {
        NewItem m = new NewItem().using(db.backend);
        m.name = "n" + n;
        m.qty = n;
        m.active = n % 2 == 1;
        m.insert();
        return m.id;
    }

    long pgrecordR2dbc(int n) {
        AsyncNewItem m = new AsyncNewItem().using(db.async);
        m.name = "n" + n;
        m.qty = n;
        m.active = n % 2 == 1;
        m.insert().block();
        return m.id;
    }

    @Benchmark
    public long jdbc() throws SQLException {
        return jdbc(++tick);
    }

    @Benchmark
    public long jooq() {
        return jooq(++tick);
    }

    @Benchmark
    public long pgrecord() {
        return pgrecord(++tick);
    }

    @Benchmark
    public long pgrecordR2dbc() {
        return pgrecordR2dbc(++tick);
    }
}
