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
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One INSERT that hands back the stored row: pgrecord's contract is that an instance holds what
 * the database stored after an insert (id, defaults, triggers), so every variant returns it, the
 * raw JDBC one with {@code RETURNING} its columns and jOOQ with {@code returnAllOnUpdatableRecord}.
 */
// a short operation: its per-call code reaches the JIT's top tier within a few seconds
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
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
        stored("insert (JDBC)", new Row(null, "n1", 1, true), jdbc(1));
        stored("insert (jOOQ)", new Row(null, "n2", 2, false), jooq(2));
        stored("insert (pgrecord)", new Row(null, "n3", 3, true), pgrecord(3));
        stored("insert (pgrecord R2DBC)", new Row(null, "n4", 4, false), pgrecordR2dbc(4));
    }

    /** The row handed back is the row stored, and holds the values written. */
    private void stored(String what, Row written, Row returned) throws SQLException {
        Row.same(what + " returns the stored row", readBack("bench_ins", returned.id), returned);
        Row.same(what, written, new Row(null, returned.name, returned.qty, returned.active));
    }

    Row jdbc(int n) throws SQLException {
        try (Connection c = db.ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into bench_ins (name, qty, active) values (?, ?, ?) returning id, name, qty, active")) {
            ps.setString(1, "n" + n);
            ps.setInt(2, n);
            ps.setBoolean(3, n % 2 == 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return mapRow(rs);
            }
        }
    }

    Row jooq(int n) {
        InsRec r = db.jooq.newRecord(INS);
        r.set(INS.NAME, "n" + n);
        r.set(INS.QTY, n);
        r.set(INS.ACTIVE, n % 2 == 1);
        r.store();
        return new Row(r.get(INS.ID), r.get(INS.NAME), r.get(INS.QTY), r.get(INS.ACTIVE));
    }

    Row pgrecord(int n) {
        NewItem m = new NewItem().using(db.backend);
        m.name = "n" + n;
        m.qty = n;
        m.active = n % 2 == 1;
        m.insert();
        return Row.of(m);
    }

    Row pgrecordR2dbc(int n) {
        AsyncNewItem m = new AsyncNewItem().using(db.async);
        m.name = "n" + n;
        m.qty = n;
        m.active = n % 2 == 1;
        m.insert().block();
        return Row.of(m);
    }

    @Benchmark
    public Row jdbc() throws SQLException {
        return jdbc(++tick);
    }

    @Benchmark
    public Row jooq() {
        return jooq(++tick);
    }

    @Benchmark
    public Row pgrecord() {
        return pgrecord(++tick);
    }

    @Benchmark
    public Row pgrecordR2dbc() {
        return pgrecordR2dbc(++tick);
    }
}
