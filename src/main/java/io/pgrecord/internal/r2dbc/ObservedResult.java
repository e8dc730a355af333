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

/** A result whose errors, which r2dbc-postgresql raises while rows are read, come out translated. */
final class ObservedResult implements Result {

    private final Result delegate;

    ObservedResult(Result delegate) {
        this.delegate = delegate;
    }

    @Override
    public Publisher<Long> getRowsUpdated() {
        return Flux.from(delegate.getRowsUpdated()).onErrorMap(R2dbcErrors::translate);
    }

    @Override
    public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mappingFunction) {
        return Flux.<T>from(delegate.map(mappingFunction)).onErrorMap(R2dbcErrors::translate);
    }

    @Override
    public <T> Publisher<T> map(Function<? super Readable, ? extends T> mappingFunction) {
        return Flux.<T>from(delegate.map(mappingFunction)).onErrorMap(R2dbcErrors::translate);
    }

    @Override
    public Result filter(Predicate<Segment> filter) {
        return new ObservedResult(delegate.filter(filter));
    }

    @Override
    public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mappingFunction) {
        return Flux.<T>from(delegate.flatMap(mappingFunction)).onErrorMap(R2dbcErrors::translate);
    }
}
