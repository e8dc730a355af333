package io.pgrecord.bench;

import io.pgrecord.AsyncFinder;
import io.pgrecord.Finder;
import io.pgrecord.bench.model.AsyncNewItem;
import io.pgrecord.bench.model.NewItem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
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
import org.postgresql.PGConnection;

/**
 * Bulk load of {@code bench.bulkRows} rows (100,000; the quick mode uses 10,000) into an empty
 * table: pgrecord's copyIn on both backends, set against a pgjdbc batch with
 * reWriteBatchedInserts and a jOOQ batch. {@code jdbcCopyText} (hand-written COPY through
 * pgjdbc's CopyManager) and {@code jdbcCopyBinary} (the same in binary format) are there as
 * the floor. The models and rows are built once per trial.
 */
// each operation is a loop over 100,000 rows, compiled early; iterations hold a few operations
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BulkLoad extends BenchBase {

    static final int ROWS = Integer.getInteger("bench.bulkRows", 100_000);
    private List<Row> rows;
    private List<NewItem> models;
    private List<AsyncNewItem> asyncModels;
    private Finder<NewItem> newItems;
    private AsyncFinder<AsyncNewItem> asyncNewItems;

    @Override
    protected void prepare() {
        rows = Inserts.rows("bulk-", ROWS);
        models = Inserts.models(db, rows);
        asyncModels = Inserts.asyncModels(db, rows);
        newItems = NewItem.find.using(db.backend);
        asyncNewItems = AsyncNewItem.find.using(db.async);
    }

    @Setup(Level.Invocation)
    public void truncate() {
        db.exec("truncate bench_ins");
    }

    @Override
    protected void check() throws Exception {
        truncate();
        Row.same("bulk rows (JDBC batch)", ROWS, Inserts.jdbcBatch(db, rows));
        List<Row> expected = Inserts.stored(db, "bulk-");
        Row.same("bulk rows stored (JDBC batch)", ROWS, expected.size());
        truncate();
        Inserts.jooqBatch(db, rows);
        Row.same("bulk load (jOOQ batch)", expected, Inserts.stored(db, "bulk-"));
        truncate();
        Row.same("bulk rows (pgrecord copyIn)", (long) ROWS, newItems.copyIn(models));
        Row.same("bulk load (pgrecord copyIn)", expected, Inserts.stored(db, "bulk-"));
        truncate();
        Row.same("bulk rows (pgrecord R2DBC copyIn)", (long) ROWS, asyncNewItems.copyIn(asyncModels).block());
        Row.same("bulk load (pgrecord R2DBC copyIn)", expected, Inserts.stored(db, "bulk-"));
        truncate();
        Row.same("bulk rows (JDBC COPY)", (long) ROWS, jdbcCopyText());
        Row.same("bulk load (JDBC COPY)", expected, Inserts.stored(db, "bulk-"));
        truncate();
        Row.same("bulk rows (JDBC binary COPY)", (long) ROWS, jdbcCopyBinary());
        Row.same("bulk load (JDBC binary COPY)", expected, Inserts.stored(db, "bulk-"));
    }

    @Benchmark
    public int jdbcBatch() throws SQLException {
        return Inserts.jdbcBatch(db, rows);
    }

    @Benchmark
    public int jooqBatch() {
        return Inserts.jooqBatch(db, rows);
    }

    @Benchmark
    public long pgrecordCopyIn() {
        return newItems.copyIn(models);
    }

    @Benchmark
    public long pgrecordR2dbcCopyIn() {
        return asyncNewItems.copyIn(asyncModels).block();
    }

    /** COPY in text format written by hand (the names here need no escaping). */
    @Benchmark
    public long jdbcCopyText() throws Exception {
        StringBuilder sb = new StringBuilder(ROWS * 24);
        for (Row r : rows) {
            sb.append(r.name).append('\t').append(r.qty).append('\t').append(r.active ? 't' : 'f').append('\n');
        }
        try (Connection c = db.ds.getConnection()) {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bench_ins (name, qty, active) from stdin", new StringReader(sb.toString()));
        }
    }

    /**
     * COPY in binary format written by hand: no text to parse on the server and nothing to
     * escape on the client. It shows what the wire format is worth for these three columns.
     */
    @Benchmark
    public long jdbcCopyBinary() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ROWS * 32);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(BINARY_SIGNATURE);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
        for (Row r : rows) {
            out.writeShort(3);
            byte[] name = r.name.getBytes(StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
            out.writeInt(4);
            out.writeInt(r.qty);
            out.writeInt(1);
            out.writeByte(r.active ? 1 : 0);
        }
        out.writeShort(-1);
        try (Connection c = db.ds.getConnection()) {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy bench_ins (name, qty, active) from stdin (format binary)", new ByteArrayInputStream(bytes.toByteArray()));
        }
    }

    private static final byte[] BINARY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
}
