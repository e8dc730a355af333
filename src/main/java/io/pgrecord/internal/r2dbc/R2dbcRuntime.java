package io.pgrecord.internal.r2dbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.ServerVersion;
import io.pgrecord.internal.exec.JooqDefaults;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.types.Json;
import io.pgrecord.internal.types.JsonMappers;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reactive executor's live state: the r2dbc pool (pgrecord's own, or the application's
 * factory) behind an {@link ObservedConnectionFactory} and the jOOQ context on it. The pool
 * connects lazily; {@link #connect()} reads the version.
 */
public final class R2dbcRuntime {

    /**
     * For the application's factory, whose size and timeout pgrecord does not know: its budget
     * for dead connections tried in a row, never named as the pool's settings.
     */
    private static final int APPLICATION_ATTEMPTS = 10;
    private static final Duration APPLICATION_TIMEOUT = Duration.ofSeconds(30);

    private final ObservedConnectionFactory connections;
    private final Runnable unbindMeters;
    private final DSLContext dsl;
    private final io.pgrecord.internal.exec.ReactiveScope poolScope;

    public R2dbcRuntime(PostgresConnectionConfig config, StatementRecorder recorder) {
        this(ownPool(config, recorder), config.jsonMapper());
    }

    private R2dbcRuntime(OwnPool own, ObjectMapper jsonMapper) {
        this(own.connections(), jsonMapper, own.unbindMeters());
    }

    /** pgrecord's own pool, and what removes its gauges when it closes. */
    private record OwnPool(ObservedConnectionFactory connections, Runnable unbindMeters) {
    }

    /**
     * On the application's own factory, never closed here. Its size and timeout are its own:
     * pgrecord tries at most {@link #APPLICATION_ATTEMPTS} dead connections in a row, within
     * {@link #APPLICATION_TIMEOUT}.
     */
    public R2dbcRuntime(ConnectionFactory application, StatementRecorder recorder) {
        this(new ObservedConnectionFactory(application, false, "application ConnectionFactory", recorder,
                APPLICATION_ATTEMPTS, APPLICATION_TIMEOUT), Json.MAPPER, () -> { });
    }

    private static OwnPool ownPool(PostgresConnectionConfig config, StatementRecorder recorder) {
        String name = R2dbcConfigs.nextPoolName();
        ConnectionPool pool = new ConnectionPool(R2dbcConfigs.pool(config, name));
        Runnable unbind = config.meterRegistry() != null ? R2dbcPoolMeters.bind(pool, name, config.meterRegistry()) : () -> { };
        return new OwnPool(new ObservedConnectionFactory(pool, true, name, recorder, config.poolMaxSize(), config.poolTimeout()),
                unbind);
    }

    private R2dbcRuntime(ObservedConnectionFactory connections, ObjectMapper jsonMapper, Runnable unbindMeters) {
        this.unbindMeters = unbindMeters;
        this.connections = connections;
        this.dsl = DSL.using(connections, JooqDefaults.DIALECT, JooqDefaults.settings());
        // jOOQ's subscribers carry the Reactor context, so a raw publisher of this DSLContext
        // subscribed inside a transaction gets the transaction's connection from the factory
        dsl.configuration().set(ReactorSubscribers.INSTANCE);
        JsonMappers.remember(dsl.configuration(), jsonMapper);
        this.poolScope = new io.pgrecord.internal.exec.ReactiveScope(dsl, R2dbcStatements.pooled(connections, jsonMapper), null);
    }

    /** Warms the pool and reads the server version, bypassing the statement log. */
    public Mono<ServerVersion> connect() {
        Mono<Integer> warmup = connections.ownPool().map(ConnectionPool::warmup).orElse(Mono.just(0));
        return warmup
                // the driver's statement under the observed connection: outside the statement log
                .then(Mono.usingWhen(connections.acquire(), c -> readVersion(((ObservedConnection) c).delegate()),
                        Connection::close))
                .onErrorMap(R2dbcErrors::translate);
    }

    private static Mono<ServerVersion> readVersion(Connection c) {
        return Flux.from(c.createStatement(JooqDefaults.SERVER_VERSION_SQL).execute())
                .flatMap(result -> result.map((row, meta) -> row.get(0, String.class)))
                .next()
                .map(ServerVersion::fromVersionNum);
    }

    public DSLContext dsl() {
        return dsl;
    }

    public ObservedConnectionFactory connections() {
        return connections;
    }

    /** Work outside any transaction: statements take pooled connections one by one. */
    public io.pgrecord.internal.exec.ReactiveScope poolScope() {
        return poolScope;
    }

    /** {active, idle, total, pending} of the r2dbc pool. */
    public int[] poolFigures() {
        return connections.ownPool().flatMap(ConnectionPool::getMetrics)
                .map(m -> new int[] {m.acquiredSize(), m.idleSize(), m.allocatedSize(), m.pendingAcquireSize()})
                .orElse(new int[4]);
    }

    /** Closes the pool; {@code forGood}: with the backend, so a subscriber still waiting for a connection is told so. */
    public Mono<Void> close(boolean forGood) {
        return Mono.fromRunnable(unbindMeters).then(connections.dispose(forGood));
    }
}
