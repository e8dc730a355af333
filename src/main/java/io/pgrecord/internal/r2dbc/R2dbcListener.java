package io.pgrecord.internal.r2dbc;

import io.pgrecord.Notification;
import io.pgrecord.internal.notify.Channels;
import io.pgrecord.internal.notify.Reconnects;
import io.pgrecord.internal.notify.Subscriptions;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Wrapped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * The reactive backend's LISTEN side: one dedicated r2dbc-postgresql connection for every
 * channel, opened at the first subscription, whose notification stream feeds the
 * {@link Subscriptions}. When that stream ends without a close, the connection was lost: another
 * is opened with {@link Reconnects}' backoff, LISTENs again and each subscription gets its
 * missed signal. Closed with the backend, which completes every subscription. Thread-safe.
 */
public final class R2dbcListener {

    private final Supplier<Mono<Connection>> opener;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Object lock = new Object();
    /** The connection, or its opening; null before the first subscription. */
    private Mono<Held> connecting;
    private Held current;
    private Disposable reconnecting;
    private boolean closed;
    /** Per channel, the LISTEN on its way, which a notify through this backend waits for (see {@link #listened}). */
    private final ConcurrentHashMap<String, Mono<Void>> listening = new ConcurrentHashMap<>();
    /** The LISTEN/UNLISTEN changes, carried out one at a time (see {@link #change}). */
    private final Sinks.Many<Mono<Void>> changes = Sinks.many().unicast().onBackpressureBuffer();

    /** One listening connection: the one to close, the driver's under it, its notification feed and the channels it LISTENs to. */
    private static final class Held {
        final Connection outer;
        final PostgresqlConnection driver;
        final Set<String> listened = ConcurrentHashMap.newKeySet();
        Disposable feed;

        Held(Connection outer, PostgresqlConnection driver) {
            this.outer = outer;
            this.driver = driver;
        }
    }

    /** @param opener a connection of the listener's own, outside the pool's budget */
    public R2dbcListener(Supplier<Mono<Connection>> opener) {
        this.opener = opener;
        changes.asFlux().concatMap(change -> change.onErrorResume(e -> Mono.empty())).subscribe();
    }

    /** The channel's signals from its LISTEN on; cancelling ends only this subscription. */
    public Flux<Notification> listen(String channel) {
        return Mono.fromCallable(() -> Channels.check(channel)).flatMapMany(checked -> Flux.create(sink -> {
            Subscriptions.Entry[] entry = new Subscriptions.Entry[1];
            entry[0] = Subscriptions.entry(channel, n -> {
                try {
                    sink.next(n);
                } catch (Throwable fatal) {
                    // Reactor ends a subscriber that throws, but lets a JVM error (a stack overflow, say)
                    // through, leaving its Flux stuck: end the subscription here; the error is then logged
                    leave(entry[0]);
                    throw fatal;
                }
            }, sink::complete);
            subscriptions.add(entry[0]);
            Disposable.Swap waiting = Disposables.swap();
            sink.onDispose(() -> {
                waiting.dispose();
                leave(entry[0]);
            });
            // the LISTEN is the channel's, not this subscriber's: cancelling does not stop it
            Mono<Void> confirmed = change(channel);
            Mono<Void> settled = confirmed.onErrorResume(e -> Mono.empty());
            this.listening.put(channel, settled);
            settled.doFinally(signal -> this.listening.remove(channel, settled)).subscribe();
            waiting.update(confirmed.subscribe(null, e -> sink.error(R2dbcErrors.translate(e))));
        }, FluxSink.OverflowStrategy.BUFFER));
    }

    /**
     * Completes once the LISTEN of {@code channel} subscribed through this listener has been
     * confirmed (or failed), at once when none is on its way: a notify through the same backend
     * waits for it, so {@code listen(c).subscribe(...)} then {@code notify(c, ...)} is delivered.
     */
    public Mono<Void> listened(String channel) {
        return listening.getOrDefault(channel, Mono.empty());
    }

    /** Ends one subscription; its channel's last one leaving is an UNLISTEN. Idempotent. */
    private void leave(Subscriptions.Entry entry) {
        if (subscriptions.remove(entry)) {
            change(entry.channel());
        }
    }

    /**
     * Queues a LISTEN or UNLISTEN of {@code channel}, whichever its subscriptions call for when its
     * turn comes: changes run one at a time, in order, and none is cancelled, so however
     * subscribers come and go the server ends up listening exactly while the channel has one.
     * Completes once carried out, or with its failure.
     */
    private Mono<Void> change(String channel) {
        Sinks.Empty<Void> done = Sinks.empty();
        Mono<Void> work = Mono.defer(() -> align(channel))
                .doOnSuccess(v -> done.tryEmitEmpty())
                .doOnError(e -> done.tryEmitError(e));
        boolean queued;
        synchronized (changes) {
            queued = changes.tryEmitNext(work).isSuccess();
        }
        if (!queued) {
            done.tryEmitError(new IllegalStateException("backend is closed"));
        }
        return done.asMono();
    }

    /** Sends what brings the server's LISTEN of {@code channel} in line with its subscriptions now, if anything. */
    private Mono<Void> align(String channel) {
        // without a subscription, no connection is opened only to UNLISTEN
        return (subscriptions.has(channel) ? held() : live()).flatMap(h -> {
            boolean wanted = subscriptions.has(channel);
            if (wanted == h.listened.contains(channel)) {
                return Mono.empty();
            }
            return execute(h, wanted ? Channels.listenSql(channel) : Channels.unlistenSql(channel))
                    .then(Mono.fromRunnable(() -> {
                        if (wanted) {
                            h.listened.add(channel);
                        } else {
                            h.listened.remove(channel);
                        }
                    }));
        });
    }

    /** The connection, or the one on its way, without opening one. */
    private Mono<Held> live() {
        synchronized (lock) {
            return closed || connecting == null ? Mono.empty() : connecting.onErrorResume(e -> Mono.empty());
        }
    }

    /** The live connection, opening it at the first call. */
    private Mono<Held> held() {
        synchronized (lock) {
            if (closed) {
                return Mono.error(new IllegalStateException("backend is closed"));
            }
            if (connecting == null) {
                Mono<Held> opening = open().doOnNext(this::adopt).doOnError(e -> forget()).cache();
                connecting = opening;
            }
            return connecting;
        }
    }

    private void forget() {
        synchronized (lock) {
            if (current == null) {
                connecting = null;
            }
        }
    }

    /** Makes the opened connection current, or closes it when the listener closed meanwhile. */
    private void adopt(Held h) {
        boolean late;
        synchronized (lock) {
            late = closed;
            if (!late) {
                current = h;
            }
        }
        if (late) {
            close(h).subscribe();
        }
    }

    /** A new connection whose notifications feed the subscriptions; its end, unless closed, starts a reconnect. */
    private Mono<Held> open() {
        return Mono.defer(opener).flatMap(c -> {
            PostgresqlConnection driver = driver(c);
            if (driver == null) {
                return Mono.from(c.close()).then(Mono.error(new IllegalStateException(
                        "AsyncPostgresBackend.listen needs r2dbc-postgresql connections that unwrap to PostgresqlConnection;"
                                + " the factory gave a " + c.getClass().getName())));
            }
            Held h = new Held(c, driver);
            h.feed = driver.getNotifications().subscribe(
                    n -> subscriptions.deliver(n.getName(), n.getParameter(), n.getProcessId()),
                    e -> lost(h), () -> lost(h));
            return Mono.just(h);
        });
    }

    private static @Nullable PostgresqlConnection driver(Connection c) {
        Object inner = c;
        while (!(inner instanceof PostgresqlConnection) && inner instanceof Wrapped<?> w && w.unwrap() != inner) {
            inner = w.unwrap();
        }
        return inner instanceof PostgresqlConnection p ? p : null;
    }

    /** Opens another connection with backoff, LISTENs again on every channel, then sends the missed signals. */
    private void lost(Held h) {
        Mono<Held> again;
        synchronized (lock) {
            if (closed || current != h) {
                return;
            }
            current = null;
            again = open()
                    .flatMap(fresh -> Flux.fromIterable(subscriptions.channels())
                            .concatMap(channel -> execute(fresh, Channels.listenSql(channel))
                                    .then(Mono.fromRunnable(() -> fresh.listened.add(channel))))
                            .then(Mono.just(fresh))
                            .onErrorResume(e -> close(fresh).then(Mono.error(e))))
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Reconnects.FIRST).maxBackoff(Reconnects.MAX)
                            .filter(e -> !isClosed()))
                    .doOnNext(this::adopt)
                    .cache();
            connecting = again;
        }
        close(h).subscribe();
        Disposable d = again.subscribe(fresh -> subscriptions.missed(), e -> { });
        synchronized (lock) {
            reconnecting = d;
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private static Mono<Void> execute(Held h, String sql) {
        return Flux.from(h.driver.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }

    /** Forgets every channel (the connection may go back to an application's pool), then closes it. */
    private static Mono<Void> close(Held h) {
        h.feed.dispose();
        return execute(h, Channels.UNLISTEN_ALL).onErrorResume(e -> Mono.empty())
                .then(Mono.from(h.outer.close())).onErrorResume(e -> Mono.empty());
    }

    /** Closes the connection and completes every subscription. Idempotent. */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            Held h;
            synchronized (lock) {
                if (closed) {
                    return Mono.empty();
                }
                closed = true;
                h = current;
                current = null;
                connecting = null;
                if (reconnecting != null) {
                    reconnecting.dispose();
                }
            }
            subscriptions.endAll();
            return h == null ? Mono.empty() : close(h);
        });
    }
}
