package io.pgrecord.internal.r2dbc;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * A result whose errors, which r2dbc-postgresql raises while rows are read, come out translated,
 * and whose rows end its statement's timing when there is one.
 */
final class ObservedResult implements Result {

    private final Result delegate;
    /** Translates (and masks) the statement's errors. */
    private final Function<Throwable, Throwable> errors;
    private final TimedResults timed;

    /** @param timed the statement's timing, or null when it is not timed */
    ObservedResult(Result delegate, Function<Throwable, Throwable> errors, TimedResults timed) {
        this.delegate = delegate;
        this.errors = errors;
        this.timed = timed;
    }

    @Override
    public Publisher<Long> getRowsUpdated() {
        Flux<Long> counts = Flux.from(delegate.getRowsUpdated()).onErrorMap(errors);
        return timed == null ? counts : timed(counts.doOnNext(timed::rows));
    }

    @Override
    public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mappingFunction) {
        return read(Flux.<T>from(delegate.map(mappingFunction)));
    }

    @Override
    public <T> Publisher<T> map(Function<? super Readable, ? extends T> mappingFunction) {
        return read(Flux.<T>from(delegate.map(mappingFunction)));
    }

    @Override
    public Result filter(Predicate<Segment> filter) {
        return new ObservedResult(delegate.filter(filter), errors, timed);
    }

    @Override
    public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mappingFunction) {
        return read(Flux.<T>from(delegate.flatMap(mappingFunction)));
    }

    private <T> Flux<T> read(Flux<T> rows) {
        Flux<T> translated = rows.onErrorMap(errors);
        return timed == null ? translated : timed(translated.doOnNext(row -> timed.rows(1)));
    }

    private <T> Flux<T> timed(Flux<T> reading) {
        // before the signal goes downstream, so whoever sees the rows end finds the statement logged
        return reading.doOnError(timed::failed).doOnComplete(timed::ended).doOnCancel(timed::ended);
    }
}
