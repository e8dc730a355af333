package io.pgrecord.bench.paired;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pgrecord.bench.BenchDb;
import io.pgrecord.bench.model.AsyncWideNewItem;
import io.pgrecord.bench.model.WideNewItem;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Client CPU and allocation per row of the wide bulk load, one variant at a time, over every
 * thread of this JVM (the server is another process): a profiling aid for copyIn's encoding,
 * with no timing. Run it under JFR to see where the CPU goes:
 * {@code java -XX:StartFlightRecording=filename=copy.jfr -cp ... io.pgrecord.bench.paired.CopyProfile 100000 20 copyIn}.
 * Arguments: rows, measured rounds (as many again warm up), then the variants to run (all by default).
 */
public final class CopyProfile {

    private static final String WIDE_COPY = "copy bench_wide_ins (title, code, qty, price, active, created_at, day, ref, "
            + "payload, tags, ip) from stdin (format binary)";
    private static final int CHUNK = 64 * 1024;

    private CopyProfile() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        EmbeddedPostgres pg = BenchDb.startServer();
        System.setProperty(BenchDb.SHARED_PORT, String.valueOf(pg.getPort()));
        try (Fixture f = new Fixture(BenchDb.start(), pg.getPort())) {
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
            Map<String, Callable<Long>> variants = new LinkedHashMap<>();
            variants.put("binary", () -> jdbcCopy(f, BinaryCopy.wide(rows)));
            variants.put("copyIn", () -> WideNewItem.find.using(f.db.backend).copyIn(models));
            variants.put("r2dbcBinary", () -> r2dbcCopy(f, BinaryCopy.wide(rows)));
            variants.put("r2dbcCopyIn", () -> AsyncWideNewItem.find.using(f.db.async).copyIn(asyncModels).block());
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (Map.Entry<String, Callable<Long>> v : variants.entrySet()) {
                if (!only.isEmpty() && !only.contains(v.getKey())) {
                    continue;
                }
                long cpu = 0;
                long bytes = 0;
                for (int i = 0; i < 2 * rounds; i++) {
                    f.db.exec("truncate bench_wide_ins");
                    CpuSnapshot c0 = CpuSnapshot.take(threads);
                    Map<Long, Long> a0 = allocated(threads);
                    long loaded = v.getValue().call();
                    Map<Long, Long> a1 = allocated(threads);
                    CpuSnapshot c1 = CpuSnapshot.take(threads);
                    if (loaded != count) {
                        throw new IllegalStateException(v.getKey() + " loaded " + loaded);
                    }
                    if (i >= rounds) {
                        cpu += c1.since(c0);
                        for (Map.Entry<Long, Long> e : a1.entrySet()) {
                            bytes += e.getValue() - a0.getOrDefault(e.getKey(), 0L);
                        }
                    }
                }
                System.out.printf("[copy-profile] %-12s %8.3f us CPU/row %8.1f bytes/row%n", v.getKey(),
                        cpu / 1e3 / rounds / count, (double) bytes / rounds / count);
            }
        } finally {
            pg.close();
        }
    }

    private static Map<Long, Long> allocated(com.sun.management.ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> out = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                out.put(ids[i], bytes[i]);
            }
        }
        return out;
    }

    private static long jdbcCopy(Fixture f, byte[] bytes) throws Exception {
        try (java.sql.Connection c = f.db.ds.getConnection()) {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(WIDE_COPY, new ByteArrayInputStream(bytes));
        }
    }

    private static long r2dbcCopy(Fixture f, byte[] bytes) {
        return Mono.usingWhen(f.r2dbc.create(),
                (Connection c) -> {
                    Flux<ByteBuf> chunks = Flux.range(0, (bytes.length + CHUNK - 1) / CHUNK)
                            .map(i -> Unpooled.wrappedBuffer(bytes, i * CHUNK, Math.min(CHUNK, bytes.length - i * CHUNK)));
                    return ((PostgresqlConnection) ((Wrapped<?>) c).unwrap()).copyIn(WIDE_COPY, chunks);
                },
                Connection::close)
                .block();
    }
}
