package io.pgrecord.internal.r2dbc;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A transaction's acquisition of a connection, whose cancel stops reaching the pool once the
 * connection was handed out. Reactor passes a cancel on to operators that have already
 * completed, and r2dbc-pool gives the connection back on any cancel of its acquisition, even
 * then: a cancelled transaction's connection went back to the pool while its ROLLBACK was still
 * to come, and the pool's next user found itself inside the transaction. Once handed out, the
 * holder gives it back ({@link R2dbcTx} does, whatever is cancelled).
 */
final class KeptOnceEmitted<T> implements CoreSubscriber<T>, Subscription {

    private final CoreSubscriber<? super T> actual;
    private Subscription upstream;
    private volatile boolean emitted;

    private KeptOnceEmitted(CoreSubscriber<? super T> actual) {
        this.actual = actual;
    }

    static <T> Mono<T> of(Mono<T> acquisition) {
        return acquisition.transform(Operators.<T, T>lift((scannable, actual) -> new KeptOnceEmitted<>(actual)));
    }

    @Override
    public Context currentContext() {
        return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
        if (Operators.validate(upstream, s)) {
            upstream = s;
            actual.onSubscribe(this);
        }
    }

    @Override
    public void onNext(T t) {
        emitted = true;
        actual.onNext(t);
    }

    @Override
    public void onError(Throwable t) {
        actual.onError(t);
    }

    @Override
    public void onComplete() {
        actual.onComplete();
    }

    @Override
    public void request(long n) {
        upstream.request(n);
    }

    @Override
    public void cancel() {
        if (!emitted) {
            upstream.cancel();
        }
    }
}
