package io.pgrecord.internal.r2dbc;

import io.pgrecord.internal.exec.ReplicaRouting;
import io.pgrecord.internal.exec.Work;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The connections of the reactive {@code replicaDsl()}: each from the server routing chooses
 * when a statement asks for one, with the probe and the wait for the backend's latest commit
 * of a routed read, so the choice is as fresh as the statement. A replica that cannot be
 * reached gives way to the primary; inside a transaction, the transaction's connection.
 */
final class RoutedConnectionFactory implements ConnectionFactory {

    private final Supplier<Mono<Integer>> server;
    private final R2dbcReplicas replicas;
    private final ObservedConnectionFactory primary;

    /** @param server chooses a replica's index, or {@link Work#PRIMARY}, as a routed read would */
    RoutedConnectionFactory(Supplier<Mono<Integer>> server, R2dbcReplicas replicas, ObservedConnectionFactory primary) {
        this.server = server;
        this.replicas = replicas;
        this.primary = primary;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.deferContextual(context -> {
            // a transaction of the backend's, on the primary or a replica, is keyed by the primary's pool
            R2dbcTx tx = context.getOrDefault(primary, null);
            if (tx != null) {
                return tx.joined();
            }
            return server.get().defaultIfEmpty(Work.PRIMARY)
                    .flatMap(i -> i == Work.PRIMARY ? primary.acquire() : replica(i));
        });
    }

    private Mono<Connection> replica(int i) {
        return Mono.defer(() -> replicas.runtime(i).connections().acquire())
                .onErrorResume(e -> ReplicaRouting.movesOn(R2dbcErrors.translate(e)), e -> {
                    replicas.routing().down(i);
                    return primary.acquire();
                });
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return primary.getMetadata();
    }
}
