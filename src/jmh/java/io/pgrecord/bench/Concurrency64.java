package io.pgrecord.bench;

import io.pgrecord.bench.model.Item;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 64 concurrent clients, each doing 10 selects by id in a row (640 selects per operation), on
 * pools of {@value BenchDb#POOL} connections: JDBC on one virtual thread per client, against
 * pgrecord's R2DBC backend with 64 concurrent subscribers. Each operation returns the sum of
 * the qty values read, which the check compares.
 */
// the reactive variant's code takes 20-30 s of JIT to settle, far longer than the rest: one
// run's reactive fork still went from 97 to 47 ms per operation during measurement after 20 s
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Concurrency64 extends BenchBase {

    static final int CLIENTS = 64;
    static final int PER_CLIENT = 10;
    private ExecutorService virtualThreads;

    @Override
    protected void prepare() {
        virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    }

    @Override
    protected void finish() {
        virtualThreads.shutdown();
    }

    private static long idFor(int client, int i) {
        return (long) client * PER_CLIENT + i + 1;
    }

    @Override
    protected void check() throws Exception {
        long expected = jdbcVirtualThreads();
        Row.same("sum (pgrecord, virtual threads)", expected, pgrecordVirtualThreads());
        Row.same("sum (pgrecord R2DBC)", expected, pgrecordR2dbc());
    }

    private long onVirtualThreads(ClientWork work) throws Exception {
        List<Future<Long>> futures = new ArrayList<>(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(virtualThreads.submit(() -> work.run(client)));
        }
        long sum = 0;
        for (Future<Long> f : futures) {
            sum += f.get();
        }
        return sum;
    }

    interface ClientWork {
        long run(int client) throws Exception;
    }

    @Benchmark
    public long jdbcVirtualThreads() throws Exception {
        return onVirtualThreads(client -> {
            long sum = 0;
            for (int i = 0; i < PER_CLIENT; i++) {
                try (Connection c = db.ds.getConnection(); PreparedStatement ps = c.prepareStatement(SelectById.SQL)) {
                    ps.setLong(1, idFor(client, i));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        sum += mapRow(rs).qty;
                    }
                }
            }
            return sum;
        });
    }

    @Benchmark
    public long pgrecordVirtualThreads() throws Exception {
        return onVirtualThreads(client -> {
            long sum = 0;
            for (int i = 0; i < PER_CLIENT; i++) {
                Item m = items.getById(idFor(client, i));
                sum += m.qty;
            }
            return sum;
        });
    }

    @Benchmark
    public long pgrecordR2dbc() {
        return Flux.range(0, CLIENTS)
                .flatMap(client -> Flux.range(0, PER_CLIENT)
                        .concatMap(i -> asyncItems.getById(idFor(client, i)))
                        .map(m -> (long) m.qty)
                        .reduce(0L, Long::sum), CLIENTS)
                .reduce(0L, Long::sum)
                .switchIfEmpty(Mono.just(0L))
                .block();
    }
}
