package io.pgrecord.internal.r2dbc;

import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.ServerVersion;
import io.pgrecord.internal.exec.ReactiveScope;
import io.pgrecord.internal.exec.ReplicaRouting;
import io.pgrecord.internal.exec.StatementRecorder;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.types.ServerGates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The replicas of a reactive backend: a small pool per replica, created when a read is first
 * routed to it; the pool connects lazily and again after a failure. Thread-safe.
 */
public final class R2dbcReplicas {

    private final ReplicaRouting routing;
    private final List<PostgresConnectionConfig> configs;
    private final StatementRecorder recorder;
    private final Supplier<R2dbcRuntime> primary;
    private final Supplier<ServerVersion> version;
    private final AtomicReferenceArray<R2dbcRuntime> runtimes;

    R2dbcReplicas(ReplicaRouting routing, PostgresConnectionConfig config, StatementRecorder recorder,
            Supplier<R2dbcRuntime> primary, Supplier<ServerVersion> version) {
        this.routing = routing;
        this.configs = config.replicas().stream().map(ReplicaRouting::pooled).toList();
        this.recorder = recorder;
        this.primary = primary;
        this.version = version;
        this.runtimes = new AtomicReferenceArray<>(configs.size());
    }

    public ReplicaRouting routing() {
        return routing;
    }

    /** Where server {@code i} runs work: a replica's pool, or {@code primaryScope} for {@link Work#PRIMARY}. */
    ReactiveScope scope(int i, ReactiveScope primaryScope) {
        return i == Work.PRIMARY ? primaryScope : runtime(i).poolScope();
    }

    R2dbcRuntime runtime(int i) {
        R2dbcRuntime known = runtimes.get(i);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (runtimes.get(i) == null) {
                R2dbcRuntime created = new R2dbcRuntime(configs.get(i), recorder);
                // a physical standby runs the primary's major version
                ServerGates.remember(created.dsl().configuration(), version.get());
                runtimes.set(i, created);
            }
            return runtimes.get(i);
        }
    }

    /** Whether work in this scope runs on the primary's pool, outside any transaction. */
    boolean isPrimaryPool(ReactiveScope s) {
        return s == primary.get().poolScope();
    }

    /** Reads the primary's WAL position after an autocommit write in {@code s} and remembers it. */
    Mono<Void> committed(ReactiveScope s) {
        return Mono.defer(() -> {
            long writes = routing.unknownWrites();
            return Mono.from(s.dsl().resultQuery(ReplicaRouting.COMMIT_LSN_SQL))
                    .doOnNext(r -> routing.committed(r.get(0, String.class), writes)).then();
        });
    }

    /** Remembers the primary's WAL position after a transaction committed on {@code tx}. */
    Mono<Void> committed(R2dbcTx tx) {
        return Mono.defer(() -> {
            long writes = routing.unknownWrites();
            return tx.queryValue(ReplicaRouting.COMMIT_LSN_SQL, String.class).doOnNext(lsn -> routing.committed(lsn, writes)).then();
        });
    }

    /** Closes the replicas' pools; a later read creates them again, unless closed {@code forGood} with the backend. */
    synchronized Mono<Void> close(boolean forGood) {
        List<Mono<Void>> closing = new ArrayList<>();
        for (int i = 0; i < runtimes.length(); i++) {
            R2dbcRuntime r = runtimes.getAndSet(i, null);
            if (r != null) {
                closing.add(r.close(forGood));
            }
        }
        return Flux.concat(closing).then();
    }
}
