package io.pgrecord.bench;

import static io.pgrecord.bench.JooqTables.INS;

import io.pgrecord.AsyncFinder;
import io.pgrecord.Finder;
import io.pgrecord.bench.model.AsyncNewItem;
import io.pgrecord.bench.model.NewItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
import org.jooq.InsertValuesStep3;

/**
 * 100 rows in one call, each variant handing back the 100 stored rows with their generated ids,
 * as pgrecord's insertAll must (it fills the models from RETURNING): one hand-written multi-row
 * INSERT ... RETURNING on pgjdbc, the same statement built with jOOQ, and insertAll.
 */
// about a millisecond per operation: code run once per call reaches the JIT's top tier only
// after 10,000-15,000 calls (the one C2 thread of a 2-core machine has a queue, which raises
// its thresholds), and pgrecord's fork settled only after 15-25 s; a shorter warmup would
// time the facades in half-compiled code
@Warmup(iterations = 25, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchInsert extends BenchBase {

    static final int ROWS = 100;
    /**
     * Written by hand, as one would to get the rows back: a pgjdbc batch with generated keys
     * cannot be rewritten into multi-row INSERTs and took about 10 ms here, 100 statements.
     */
    private static final String MULTI_ROW_INSERT = "insert into bench_ins (name, qty, active) values "
            + String.join(", ", java.util.Collections.nCopies(ROWS, "(?, ?, ?)")) + " returning id, name, qty, active";
    private List<Row> rows;
    private Finder<NewItem> newItems;
    private AsyncFinder<AsyncNewItem> asyncNewItems;

    @Override
    protected void prepare() {
        rows = Inserts.rows("b", ROWS);
        newItems = NewItem.find.using(db.backend);
        asyncNewItems = AsyncNewItem.find.using(db.async);
    }

    @Setup(Level.Iteration)
    public void truncate() {
        db.exec("truncate bench_ins");
    }

    @Override
    protected void check() throws SQLException {
        List<Row> jdbcRows = jdbc(Inserts.rows("jdbc-", ROWS));
        List<Row> expected = Inserts.stored(db, "jdbc-");
        Row.same("batch insert count (JDBC)", ROWS, expected.size());
        stored("JDBC", "jdbc-", expected, jdbcRows);
        stored("jOOQ", "jooq-", expected, jooq(Inserts.rows("jooq-", ROWS)));
        List<NewItem> models = Inserts.models(db, Inserts.rows("pgr-", ROWS));
        newItems.insertAll(models);
        stored("pgrecord", "pgr-", expected, models.stream().map(Row::of).toList());
        List<AsyncNewItem> asyncModels = Inserts.asyncModels(db, Inserts.rows("r2-", ROWS));
        asyncNewItems.insertAll(asyncModels).block();
        stored("pgrecord R2DBC", "r2-", expected, asyncModels.stream().map(Row::of).toList());
    }

    /** The rows handed back are the rows stored, ids included, and hold the values written. */
    private void stored(String variant, String prefix, List<Row> expected, List<Row> returned) throws SQLException {
        List<Row> read = new ArrayList<>();
        for (Row r : returned) {
            read.add(readBack("bench_ins", r.id));
        }
        Row.same("batch insert (" + variant + ") returns the stored rows", read, returned);
        Row.same("batch insert (" + variant + ")", expected, Inserts.stored(db, prefix));
    }

    List<Row> jdbc(List<Row> rows) throws SQLException {
        try (Connection c = db.ds.getConnection(); PreparedStatement ps = c.prepareStatement(MULTI_ROW_INSERT)) {
            int i = 1;
            for (Row r : rows) {
                ps.setString(i++, r.name);
                ps.setInt(i++, r.qty);
                ps.setBoolean(i++, r.active);
            }
            List<Row> out = new ArrayList<>(rows.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapRow(rs));
                }
            }
            return out;
        }
    }

    List<Row> jooq(List<Row> rows) {
        InsertValuesStep3<JooqTables.InsRec, String, Integer, Boolean> insert = db.jooq.insertInto(INS, INS.NAME, INS.QTY, INS.ACTIVE);
        for (Row r : rows) {
            insert = insert.values(r.name, r.qty, r.active);
        }
        List<Row> out = new ArrayList<>(rows.size());
        for (JooqTables.InsRec rec : insert.returning().fetch()) {
            out.add(new Row(rec.get(INS.ID), rec.get(INS.NAME), rec.get(INS.QTY), rec.get(INS.ACTIVE)));
        }
        return out;
    }

    @Benchmark
    public List<Row> jdbc() throws SQLException {
        return jdbc(rows);
    }

    @Benchmark
    public List<Row> jooq() {
        return jooq(rows);
    }

    @Benchmark
    public List<NewItem> pgrecord() {
        List<NewItem> models = Inserts.models(db, rows);
        newItems.insertAll(models);
        return models;
    }

    @Benchmark
    public List<AsyncNewItem> pgrecordR2dbc() {
        List<AsyncNewItem> models = Inserts.asyncModels(db, rows);
        asyncNewItems.insertAll(models).block();
        return models;
    }
}
