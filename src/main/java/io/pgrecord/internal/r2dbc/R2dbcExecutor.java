package io.pgrecord.internal.r2dbc;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.Capabilities;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.ServerVersion;
import io.pgrecord.TransactionOptions;
import io.pgrecord.internal.types.ServerGates;
import io.pgrecord.internal.exec.Observabilities;
import io.pgrecord.internal.exec.Observability;
import io.pgrecord.internal.exec.ReplicaRouting;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.exec.BackendHandle;
import io.pgrecord.internal.model.LoadingPolicy;
import io.pgrecord.internal.notify.Channels;
import io.pgrecord.internal.schema.Schemas;
import io.pgrecord.internal.tx.LockSql;
import io.pgrecord.schema.AsyncInspector;
import io.pgrecord.schema.AsyncSchemaManager;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Everything one reactive backend runs on: the pool and its connect state (connect, reconnect
 * after a failure, disconnect), the context-bound {@link R2dbcTransactions}, the model runner,
 * advisory locks and the schema classes. It is the model's {@link BackendHandle}. Thread-safe;
 * one per backend.
 */
public final class R2dbcExecutor implements BackendHandle {

    private final AsyncPostgresBackend backend;
    private final Function<StatementRecorder, R2dbcRuntime> runtimes;
    private final LoadingPolicy loading;
    private final StatementRecorder statementLog;
    private final Object lock = new Object();
    private R2dbcRuntime runtime;
    private Mono<ServerVersion> connecting;
    private volatile ServerVersion serverVersion;
    private R2dbcListener listener;
    /** Set by {@link #close()}: no runtime is made again. */
    private boolean closed;
    private final R2dbcReplicas replicas;
    private final R2dbcTransactions transactions;
    private final R2dbcRunner runner;

    public R2dbcExecutor(AsyncPostgresBackend backend, PostgresConnectionConfig config) {
        this(backend, new LoadingPolicy(config.strictLoading(), config.nPlusOneThreshold()), Observabilities.of(config),
                recorder -> new R2dbcRuntime(config, recorder), config);
    }

    /** The executor of {@code backend} on the runtimes {@code runtimes} makes: one per connect after a disconnect. */
    public R2dbcExecutor(AsyncPostgresBackend backend, LoadingPolicy loading, Function<StatementRecorder, R2dbcRuntime> runtimes) {
        this(backend, loading, Observability.DEFAULT, runtimes, null);
    }

    private R2dbcExecutor(AsyncPostgresBackend backend, LoadingPolicy loading, Observability observability,
            Function<StatementRecorder, R2dbcRuntime> runtimes, @Nullable PostgresConnectionConfig config) {
        this.backend = backend;
        this.loading = loading;
        this.runtimes = runtimes;
        this.statementLog = new StatementRecorder(observability);
        ReplicaRouting routing = config == null ? null : ReplicaRouting.of(config);
        this.replicas = routing == null ? null
                : new R2dbcReplicas(routing, config, statementLog, this::runtime, this::serverVersion);
        this.transactions = new R2dbcTransactions(this::connect, this::runtime, replicas, this::readOnlyServer);
        this.runner = new R2dbcRunner(this::ensureConnected, transactions::scope, this::capabilities,
                (readOnly, work) -> transactions.inTransaction(readOnly ? TransactionOptions.readOnly() : TransactionOptions.defaults(),
                        dsl -> work.get()).next(),
                replicas, transactions::inTransaction,
                readOnly -> transactions.begin(readOnly ? TransactionOptions.readOnly() : TransactionOptions.defaults()));
    }

    /** The public backend this executor runs. */
    public AsyncPostgresBackend backend() {
        return backend;
    }

    @Override
    public LoadingPolicy loading() {
        return loading;
    }

    /** The server a read-only transaction runs on, chosen as a routed read's. */
    private Mono<Integer> readOnlyServer() {
        return runner.run(replicas.routing().server());
    }

    /** Warms the pool and reads the server version once; after a failure a later call tries again. */
    public Mono<Void> connect() {
        return Mono.defer(() -> {
            Mono<ServerVersion> m;
            synchronized (lock) {
                if (connecting == null) {
                    R2dbcRuntime r = runtime();
                    connecting = r.connect()
                            .doOnNext(v -> {
                                ServerGates.remember(r.dsl().configuration(), v);
                                serverVersion = v;
                            })
                            .doOnError(e -> resetConnecting())
                            .cache();
                }
                m = connecting;
            }
            return m;
        }).then();
    }

    private void resetConnecting() {
        synchronized (lock) {
            connecting = null;
        }
    }

    /** Completes at once when connected; connects otherwise. */
    private Mono<Void> ensureConnected() {
        return serverVersion != null ? R2dbcRunner.CONNECTED : connect();
    }

    /**
     * Disconnects for good, as the blocking backend's close does: later work errors with
     * {@code IllegalStateException("backend is closed")}, while a transaction already open runs
     * to its end. For a backend over the application's factory, whose close leaves that factory open.
     */
    public Mono<Void> close() {
        return release(true);
    }

    /** Closes the pool; a later connect opens a new one. */
    public Mono<Void> disconnect() {
        return release(false);
    }

    /**
     * Closes the pool and the listener. Closing {@code forGood} refuses new work from now on
     * (the pool scope and new transactions need {@link #runtime()}), while a transaction already
     * open keeps its connection and runs to its end: it still counts as connected, so the
     * server version it plans with stays.
     */
    private Mono<Void> release(boolean forGood) {
        return Mono.defer(() -> {
            R2dbcRuntime r;
            R2dbcListener listening;
            synchronized (lock) {
                closed |= forGood;
                r = runtime;
                runtime = null;
                connecting = null;
                if (!forGood) {
                    serverVersion = null;
                }
                listening = listener;
                listener = null;
            }
            Mono<Void> stopListening = listening == null ? Mono.empty() : listening.close();
            Mono<Void> closing = stopListening.then(r == null ? Mono.empty() : r.close(forGood));
            return replicas == null ? closing : closing.then(replicas.close(forGood));
        });
    }

    /** The backend's one listening connection, created at the first use; closed at disconnect. */
    public R2dbcListener listener() {
        synchronized (lock) {
            requireOpen();
            if (listener == null) {
                listener = new R2dbcListener(() -> runtime().connections().dedicated());
            }
            return listener;
        }
    }

    /** Sends a notification, in the subscriber's transaction if there is one. */
    public Mono<Void> notify(String channel, @Nullable String payload) {
        return Mono.fromCallable(() -> Channels.notifyQuery(runtime().dsl(), channel, payload))
                .flatMap(query -> Mono.deferContextual(context -> transactions.onReplica(context)
                        ? Mono.error(Channels.notifyOnReplica(channel))
                        : listened(channel).then(connect()).then(Flux.from(query).then())));
    }

    /** The LISTEN of {@code channel} on its way through this backend's listener, if any (see {@link R2dbcListener#listened}). */
    private Mono<Void> listened(String channel) {
        R2dbcListener l;
        synchronized (lock) {
            l = listener;
        }
        return l == null ? Mono.empty() : l.listened(channel);
    }

    /** The live state, created on first use; the pool connects lazily. */
    public R2dbcRuntime runtime() {
        synchronized (lock) {
            requireOpen();
            if (runtime == null) {
                runtime = runtimes.apply(statementLog);
                if (replicas != null) {
                    runtime.connections().onAutocommitWrite(replicas.routing()::unknownWrite);
                }
            }
            return runtime;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("backend is closed");
        }
    }

    /** @throws IllegalStateException before {@link #connect()} has completed */
    public ServerVersion serverVersion() {
        ServerVersion v = serverVersion;
        if (v == null) {
            throw new IllegalStateException("call connect() first");
        }
        return v;
    }

    public Capabilities capabilities() {
        return Capabilities.of(serverVersion());
    }

    public R2dbcRunner runner() {
        return runner;
    }

    public R2dbcTransactions transactions() {
        return transactions;
    }

    public StatementRecorder statementLog() {
        return statementLog;
    }

    /** {active, idle, total, pending}; zeros before the pool exists. */
    public int[] poolFigures() {
        R2dbcRuntime r;
        synchronized (lock) {
            r = runtime;
        }
        return r == null ? new int[4] : r.poolFigures();
    }

    /** Takes the advisory lock {@code key}, waiting for it, or with {@code attempt} only if free (else empty). */
    public Mono<R2dbcLock> lock(long key, boolean attempt) {
        String sql = attempt ? LockSql.tryLock(key) : LockSql.lock(key);
        return connect().then(Mono.defer(() -> R2dbcTx.connection(runtime())))
                .flatMap(c -> (attempt ? c.queryValue(sql, Boolean.class) : c.execute(sql).thenReturn(Boolean.TRUE))
                        .flatMap(acquired -> acquired ? Mono.just(new R2dbcLock(c, key))
                                : c.release().then(Mono.<R2dbcLock>empty()))
                        .onErrorResume(e -> c.release().then(Mono.error(e))));
    }

    /** Runs the work while holding the advisory lock {@code key}, releasing it however the work ends. */
    public <T> Flux<T> withLock(long key, Supplier<? extends Publisher<T>> work) {
        return Flux.usingWhen(lock(key, false), lock -> work.get(), R2dbcLock::release,
                (lock, e) -> lock.release(), R2dbcLock::release);
    }

    /** Raw jOOQ on a usable replica, or on the primary (see {@link R2dbcRunner#replicaDsl}). */
    public DSLContext replicaDsl() {
        return runner.replicaDsl(runtime());
    }

    public AsyncSchemaManager schema() {
        return Schemas.manager(runner);
    }

    public AsyncInspector inspector() {
        return Schemas.inspector(runner);
    }
}
