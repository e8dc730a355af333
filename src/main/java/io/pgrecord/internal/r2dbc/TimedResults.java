package io.pgrecord.internal.r2dbc;

import io.pgrecord.internal.exec.StatementTiming;
import io.r2dbc.spi.Result;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * Ends a reactive statement's {@link StatementTiming} once its rows are read: R2DBC hands out
 * results before their rows arrive, so the statement is done when the stream of results has
 * ended (or been cancelled, as {@code Mono.from} does after the first) and every result handed
 * out has been read.
 */
final class TimedResults {

    private final StatementTiming timing;
    private final Supplier<? extends List<?>> binds;
    /** The stream of results, plus each result handed out and not yet read. */
    private final AtomicInteger open = new AtomicInteger(1);
    private final AtomicLong rows = new AtomicLong();

    TimedResults(StatementTiming timing, Supplier<? extends List<?>> binds) {
        this.timing = timing;
        this.binds = binds;
    }

    /**
     * The driver's results as {@link ObservedResult}s, errors mapped by {@code errors}; with {@code timed}
     * set, ending its timing once all are read.
     */
    static Flux<Result> observe(Flux<? extends Result> results, Function<Throwable, Throwable> errors, TimedResults timed) {
        if (timed == null) {
            return results.<Result>map(r -> new ObservedResult(r, errors, null)).onErrorMap(errors);
        }
        return results.<Result>map(r -> new ObservedResult(r, errors, timed)).onErrorMap(errors)
                .doOnNext(r -> timed.handedOut()).doOnError(timed::failed)
                .doOnComplete(timed::ended).doOnCancel(timed::ended);
    }

    void handedOut() {
        open.incrementAndGet();
    }

    void rows(long n) {
        rows.addAndGet(n);
    }

    /** The stream of results, or one result's rows, has ended. */
    void ended() {
        if (open.decrementAndGet() == 0) {
            timing.succeeded(rows.get(), binds);
        }
    }

    void failed(Throwable failure) {
        timing.failed(failure, binds);
    }
}
