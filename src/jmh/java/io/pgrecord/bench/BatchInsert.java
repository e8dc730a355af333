package io.pgrecord.bench;

import io.pgrecord.AsyncFinder;
import io.pgrecord.Finder;
import io.pgrecord.bench.model.AsyncNewItem;
import io.pgrecord.bench.model.NewItem;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * 100 rows in one call: a pgjdbc batch (rewritten into multi-row INSERTs), a jOOQ batch, and
 * pgrecord's insertAll. insertAll also reads the generated ids back (RETURNING) and fills the
 * models, which the two batches do not: it does more work, and the table says so.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchInsert extends BenchBase {

    static final int ROWS = 100;
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
        List<Row> jdbcRows = Inserts.rows("jdbc-", ROWS);
        Row.same("batch insert count (JDBC)", ROWS, Inserts.jdbcBatch(db, jdbcRows));
        List<Row> expected = Inserts.stored(db, "jdbc-");
        Row.same("batch insert count (jOOQ)", ROWS, Inserts.jooqBatch(db, Inserts.rows("jooq-", ROWS)));
        Row.same("batch insert (jOOQ)", expected, Inserts.stored(db, "jooq-"));
        List<NewItem> models = Inserts.models(db, Inserts.rows("pgr-", ROWS));
        Row.same("batch insert count (pgrecord)", ROWS, items(models));
        Row.same("batch insert (pgrecord)", expected, Inserts.stored(db, "pgr-"));
        Row.same("insertAll fills ids", true, models.stream().allMatch(m -> m.id != null));
        Row.same("batch insert count (pgrecord R2DBC)", ROWS,
                asyncNewItems.insertAll(Inserts.asyncModels(db, Inserts.rows("r2-", ROWS))).block());
        Row.same("batch insert (pgrecord R2DBC)", expected, Inserts.stored(db, "r2-"));
    }

    private int items(List<NewItem> models) {
        return newItems.insertAll(models);
    }

    @Benchmark
    public int jdbc() throws SQLException {
        return Inserts.jdbcBatch(db, rows);
    }

    @Benchmark
    public int jooq() {
        return Inserts.jooqBatch(db, rows);
    }

    @Benchmark
    public int pgrecord() {
        return newItems.insertAll(Inserts.models(db, rows));
    }

    @Benchmark
    public int pgrecordR2dbc() {
        return asyncNewItems.insertAll(Inserts.asyncModels(db, rows)).block();
    }
}
