package io.pgrecord.internal.r2dbc;

import java.util.function.Consumer;
import org.jooq.SubscriberProvider;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.util.context.Context;

/**
 * jOOQ's {@link SubscriberProvider} SPI (jOOQ #17920; batches since 3.21.9, #20210) with the
 * Reactor context: every subscriber jOOQ creates inside a query's execution, including the one
 * that subscribes to {@link ObservedConnectionFactory#create()}, is a {@link CoreSubscriber}
 * whose {@code currentContext()} is the downstream subscriber's. So a raw {@code dsl()}
 * publisher subscribed inside a reactive transaction gets that transaction's connection.
 */
final class ReactorSubscribers implements SubscriberProvider<Context> {

    static final ReactorSubscribers INSTANCE = new ReactorSubscribers();

    private ReactorSubscribers() {
    }

    @Override
    public Context context() {
        return Context.empty();
    }

    @Override
    public Context context(Subscriber<?> subscriber) {
        return subscriber instanceof CoreSubscriber<?> core ? core.currentContext() : Context.empty();
    }

    @Override
    public <T> Subscriber<T> subscriber(Consumer<? super Subscription> onSubscribe, Consumer<? super T> onNext,
            Consumer<? super Throwable> onError, Runnable onComplete, Context context) {
        Context current = context == null ? Context.empty() : context;
        return new CoreSubscriber<T>() {
            @Override
            public Context currentContext() {
                return current;
            }

            @Override
            public void onSubscribe(Subscription s) {
                onSubscribe.accept(s);
            }

            @Override
            public void onNext(T t) {
                onNext.accept(t);
            }

            @Override
            public void onError(Throwable t) {
                onError.accept(t);
            }

            @Override
            public void onComplete() {
                onComplete.run();
            }
        };
    }
}
