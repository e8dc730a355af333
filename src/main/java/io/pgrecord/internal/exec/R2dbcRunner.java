package io.pgrecord.internal.exec;

import io.pgrecord.Capabilities;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import io.pgrecord.internal.r2dbc.R2dbcCopy;
import org.jooq.Attachable;
import org.jooq.DSLContext;
import org.jooq.Record;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs {@link Work} over R2DBC: each statement is subscribed only after the previous one completed. */
public final class R2dbcRunner {

    private final Supplier<Mono<Void>> connect;
    private final Supplier<DSLContext> dsl;
    private final Supplier<Capabilities> capabilities;

    public R2dbcRunner(Supplier<Mono<Void>> connect, Supplier<DSLContext> dsl, Supplier<Capabilities> capabilities) {
        this.connect = connect;
        this.dsl = dsl;
        this.capabilities = capabilities;
    }

    /** Connects if needed, plans with the server's capabilities (so gates fail before SQL), then runs. */
    public <T> Mono<T> run(Function<Capabilities, Work<T>> plan) {
        return connect.get().then(Mono.defer(() -> run(plan.apply(capabilities.get()))));
    }

    /** Runs planned work; the returned Mono is empty when the work's value is null. */
    public <T> Mono<T> run(Work<T> work) {
        return run(work, dsl.get());
    }

    private <T> Mono<T> run(Work<T> work, DSLContext ctx) {
        return switch (work) {
            case Work.Done<T> d -> Mono.justOrEmpty(d.value());
            case Work.Fetch<T> f -> Flux.from(attach(f.query(), ctx)).collectList()
                    .flatMap(rows -> run(f.next().apply(rowsOf(rows)), ctx));
            case Work.Execute<T> e -> Mono.from(attachExecutable(e.query(), ctx))
                    .flatMap(n -> run(e.next().apply(n), ctx));
            case Work.Copy<T> c -> R2dbcCopy.copyIn(ctx.configuration().connectionFactory(), c.sql(), c.data())
                    .flatMap(n -> run(c.next().apply(n), ctx));
            case Work.Pinned<T> p -> Mono.from(ctx.transactionPublisher(trx -> run(p.inner(), trx.dsl())
                            .map(Optional::of).defaultIfEmpty(Optional.empty())))
                    .flatMap(v -> run(p.next().apply(v.orElse(null)), ctx));
        };
    }

    /** Streams a query's rows as they arrive; cancelling the subscription releases the connection. */
    public Flux<Record> stream(Function<Capabilities, ? extends org.jooq.ResultQuery<Record>> plan, int fetchSize) {
        return connect.get().thenMany(Flux.defer(() -> Flux.from(attach(plan.apply(capabilities.get()).fetchSize(fetchSize)))));
    }

    @SuppressWarnings("unchecked")
    private static List<Record> rowsOf(List<? extends Record> rows) {
        return (List<Record>) rows;
    }

    private <Q extends Attachable> Q attach(Q query) {
        return attach(query, dsl.get());
    }

    private static <Q extends Attachable> Q attach(Q query, DSLContext ctx) {
        query.attach(ctx.configuration());
        return query;
    }

    @SuppressWarnings("unchecked")
    private static org.reactivestreams.Publisher<Integer> attachExecutable(org.jooq.Query query, DSLContext ctx) {
        attach(query, ctx);
        if (query instanceof org.reactivestreams.Publisher<?> p) {
            return (org.reactivestreams.Publisher<Integer>) p;
        }
        throw new IllegalArgumentException("not executable over R2DBC: " + query.getClass().getName());
    }

    public DSLContext dsl() {
        return dsl.get();
    }

    public Mono<Void> connect() {
        return connect.get();
    }

    public Capabilities capabilities() {
        return capabilities.get();
    }
}
