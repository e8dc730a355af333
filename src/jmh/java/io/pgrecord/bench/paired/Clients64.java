package io.pgrecord.bench.paired;

import static io.pgrecord.bench.paired.Names.JDBC_VIRTUAL;
import static io.pgrecord.bench.paired.Names.PGRECORD_R2DBC;
import static io.pgrecord.bench.paired.Names.R2DBC;

import io.pgrecord.AsyncFinder;
import io.pgrecord.bench.Row;
import io.pgrecord.bench.model.AsyncItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 64 concurrent clients, each doing 10 selects by id in a row (640 per operation), as the JMH
 * suite's Concurrency64: JDBC on one virtual thread per client, against pgrecord's R2DBC backend
 * and raw r2dbc-postgresql with 64 concurrent subscribers. An operation returns the sum of the
 * qty values read, which the check compares.
 */
final class Clients64 {

    static final int CLIENTS = 64;
    static final int PER_CLIENT = 10;

    private final Fixture f;
    private final PairedSettings s;
    private final NarrowOps raw;
    private final AsyncFinder<AsyncItem> asyncItems;

    Clients64(Fixture f, PairedSettings s) {
        this.f = f;
        this.s = s;
        this.raw = new NarrowOps(f);
        this.asyncItems = AsyncItem.find.using(f.db.async);
    }

    Planned planned() {
        return new Planned("64 clients", this::workload);
    }

    private static long idFor(int client, int i) {
        return (long) client * PER_CLIENT + i + 1;
    }

    private Workload workload() {
        List<Variant> v = List.of(
                Variant.reactive(JDBC_VIRTUAL, this::jdbcVirtualThreads),
                Variant.reactive(PGRECORD_R2DBC, () -> reactive(id -> asyncItems.getById(id).map(m -> (long) m.qty))),
                Variant.reactive(R2DBC, () -> reactive(id -> raw.r2dbcByIdAsync(id).map(r -> (long) r.qty))));
        Step check = () -> {
            Object expected = v.get(0).op().run();
            for (Variant variant : v.subList(1, v.size())) {
                Row.same("sum of qty (" + variant.name() + ")", expected, variant.op().run());
            }
        };
        // an operation takes tens of milliseconds: blocks of at least 300 ms hold several
        return new Workload("64 clients", v, check, Step.NONE, Math.max(s.blockNanos(), 300_000_000L), s.warmupSeconds(),
                s.pairs(), List.of(
                        Comparison.of(PGRECORD_R2DBC, R2DBC, Metric.THROUGHPUT, Target.atLeast(0.95)),
                        Comparison.of(PGRECORD_R2DBC, JDBC_VIRTUAL, Metric.THROUGHPUT, Target.atLeast(0.66)),
                        Comparison.reference(JDBC_VIRTUAL, R2DBC, Metric.THROUGHPUT),
                        Comparison.reference(PGRECORD_R2DBC, R2DBC, Metric.CPU)));
    }

    private long jdbcVirtualThreads() throws Exception {
        List<Future<Long>> futures = new ArrayList<>(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(f.virtualThreads.submit(() -> {
                long sum = 0;
                for (int i = 0; i < PER_CLIENT; i++) {
                    sum += raw.jdbcById(idFor(client, i)).qty;
                }
                return sum;
            }));
        }
        long sum = 0;
        for (Future<Long> future : futures) {
            sum += future.get();
        }
        return sum;
    }

    private static long reactive(LongFunction<Mono<Long>> select) {
        return Flux.range(0, CLIENTS)
                .flatMap(client -> Flux.range(0, PER_CLIENT)
                        .concatMap(i -> select.apply(idFor(client, i)))
                        .reduce(0L, Long::sum), CLIENTS)
                .reduce(0L, Long::sum)
                .block();
    }
}
