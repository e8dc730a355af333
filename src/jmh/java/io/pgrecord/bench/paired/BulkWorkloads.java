package io.pgrecord.bench.paired;

import static io.pgrecord.bench.paired.Names.COPY_BINARY;
import static io.pgrecord.bench.paired.Names.COPY_IN;
import static io.pgrecord.bench.paired.Names.JDBC_BATCH;
import static io.pgrecord.bench.paired.Names.R2DBC_COPY_BINARY;
import static io.pgrecord.bench.paired.Names.R2DBC_COPY_IN;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgrecord.bench.Inserts;
import io.pgrecord.bench.Row;
import io.pgrecord.bench.model.AsyncNewItem;
import io.pgrecord.bench.model.AsyncWideNewItem;
import io.pgrecord.bench.model.NewItem;
import io.pgrecord.bench.model.WideNewItem;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.io.ByteArrayInputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk loads of each size on both tables: pgrecord's copyIn on both backends against the
 * hand-written binary COPY through each driver (pgjdbc's CopyManager, r2dbc-postgresql's
 * copyIn), which is the floor, and against a pgjdbc batch with reWriteBatchedInserts. The rows
 * and models are built once per workload; the binary COPY variants encode theirs in each
 * operation, as copyIn does. A block is one operation, after a truncate.
 */
final class BulkWorkloads {

    private static final String NARROW_COPY = "copy bench_ins (name, qty, active) from stdin (format binary)";
    private static final String WIDE_COPY = "copy bench_wide_ins (title, code, qty, price, active, created_at, day, ref, "
            + "payload, tags, ip) from stdin (format binary)";
    private static final int CHUNK = 64 * 1024;

    private final Fixture f;
    private final PairedSettings s;

    BulkWorkloads(Fixture f, PairedSettings s) {
        this.f = f;
        this.s = s;
    }

    List<Planned> all() {
        List<Planned> out = new ArrayList<>();
        for (int rows : s.bulkRows()) {
            out.add(new Planned(String.format(Locale.ROOT, "bulk load %,d (narrow)", rows), () -> narrow(rows)));
        }
        for (int rows : s.bulkRowsWide()) {
            out.add(new Planned(String.format(Locale.ROOT, "bulk load %,d (wide)", rows), () -> wide(rows)));
        }
        return out;
    }

    private int pairs(int rows) {
        // the largest size shows how the cost grows; a few rounds are enough and keep the run short
        return rows >= 1_000_000 ? Math.max(2, s.bulkPairs() / 3) : s.bulkPairs();
    }

    private Workload narrow(int count) {
        List<Row> rows = Inserts.rows("bulk-", count);
        List<NewItem> models = Inserts.models(f.db, rows);
        List<AsyncNewItem> asyncModels = Inserts.asyncModels(f.db, rows);
        List<Variant> v = List.of(
                Variant.blocking(JDBC_BATCH, () -> (long) Inserts.jdbcBatch(f.db, rows)),
                Variant.blocking(COPY_BINARY, () -> jdbcCopy(NARROW_COPY, BinaryCopy.narrow(rows))),
                Variant.reactive(R2DBC_COPY_BINARY, () -> r2dbcCopy(NARROW_COPY, () -> BinaryCopy.narrow(rows))),
                Variant.blocking(COPY_IN, () -> NewItem.find.using(f.db.backend).copyIn(models)),
                Variant.reactive(R2DBC_COPY_IN, () -> AsyncNewItem.find.using(f.db.async).copyIn(asyncModels).block()));
        return workload(String.format(Locale.ROOT, "bulk load %,d (narrow)", count), count, v, "bench_ins", "name, qty, active");
    }

    private Workload wide(int count) {
        List<WideRow> rows = WideOps.rows(f.json, "bulk-", count);
        List<WideNewItem> models = new ArrayList<>(count);
        List<AsyncWideNewItem> asyncModels = new ArrayList<>(count);
        for (WideRow r : rows) {
            WideNewItem m = new WideNewItem().using(f.db.backend);
            r.fill(m);
            models.add(m);
            AsyncWideNewItem a = new AsyncWideNewItem().using(f.db.async);
            r.fill(a);
            asyncModels.add(a);
        }
        WideOps raw = new WideOps(f);
        List<Variant> v = List.of(
                Variant.blocking(JDBC_BATCH, () -> (long) raw.jdbcBatch(rows)),
                Variant.blocking(COPY_BINARY, () -> jdbcCopy(WIDE_COPY, BinaryCopy.wide(rows))),
                Variant.reactive(R2DBC_COPY_BINARY, () -> r2dbcCopy(WIDE_COPY, () -> BinaryCopy.wide(rows))),
                Variant.blocking(COPY_IN, () -> WideNewItem.find.using(f.db.backend).copyIn(models)),
                Variant.reactive(R2DBC_COPY_IN, () -> AsyncWideNewItem.find.using(f.db.async).copyIn(asyncModels).block()));
        return workload(String.format(Locale.ROOT, "bulk load %,d (wide)", count), count, v, "bench_wide_ins",
                WideOps.COLUMNS.substring("id, ".length()));
    }

    private Workload workload(String name, int count, List<Variant> v, String table, String columns) {
        Step truncate = () -> f.db.exec("truncate " + table);
        Step check = () -> {
            String expected = null;
            for (Variant variant : v) {
                truncate.run();
                Row.same(name + ": rows loaded (" + variant.name() + ")", (long) count, variant.op().run());
                String stored = digest(table, columns);
                if (expected == null) {
                    expected = stored;
                } else {
                    Row.same(name + ": rows stored (" + variant.name() + ")", expected, stored);
                }
            }
        };
        List<Comparison> comparisons = List.of(
                Comparison.of(COPY_IN, COPY_BINARY, Metric.THROUGHPUT, Target.atLeast(0.90)),
                Comparison.of(R2DBC_COPY_IN, R2DBC_COPY_BINARY, Metric.THROUGHPUT, Target.atLeast(0.90)),
                Comparison.reference(R2DBC_COPY_IN, COPY_BINARY, Metric.THROUGHPUT),
                Comparison.reference(COPY_IN, JDBC_BATCH, Metric.THROUGHPUT),
                Comparison.reference(COPY_BINARY, JDBC_BATCH, Metric.THROUGHPUT),
                Comparison.reference(R2DBC_COPY_BINARY, COPY_BINARY, Metric.THROUGHPUT));
        return new Workload(name, v, check, truncate, 0, 0, pairs(count), comparisons);
    }

    /** The row count and an order-independent hash of the stored rows, without ids. */
    private String digest(String table, String columns) throws Exception {
        try (java.sql.Connection c = f.db.ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*), sum(hashtext(t::text)::numeric) from (select " + columns + " from " + table + ") t");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + " rows, hash " + rs.getBigDecimal(2);
        }
    }

    private long jdbcCopy(String sql, byte[] bytes) throws Exception {
        try (java.sql.Connection c = f.db.ds.getConnection()) {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(bytes));
        }
    }

    /** r2dbc-postgresql's own COPY FROM STDIN, fed 64 KB buffers of the encoded rows. */
    private long r2dbcCopy(String sql, Supplier<byte[]> encode) {
        return Mono.usingWhen(f.r2dbc.create(),
                (Connection c) -> {
                    byte[] bytes = encode.get();
                    Flux<ByteBuf> chunks = Flux.range(0, (bytes.length + CHUNK - 1) / CHUNK)
                            .map(i -> Unpooled.wrappedBuffer(bytes, i * CHUNK, Math.min(CHUNK, bytes.length - i * CHUNK)));
                    return ((PostgresqlConnection) ((Wrapped<?>) c).unwrap()).copyIn(sql, chunks);
                },
                Connection::close)
                .block();
    }
}
