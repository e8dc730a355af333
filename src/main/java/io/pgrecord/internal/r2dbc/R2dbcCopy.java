package io.pgrecord.internal.r2dbc;

import io.netty.buffer.Unpooled;
import io.pgrecord.internal.exec.StatementTiming;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code COPY ... FROM STDIN} over r2dbc-postgresql. */
public final class R2dbcCopy {

    private R2dbcCopy() {
    }

    /** Copies pre-encoded text on the given connection, e.g. a transaction's. */
    public static Mono<Long> copyOn(Connection c, String sql, List<byte[]> data) {
        return Mono.defer(() -> {
            StatementTiming timing = c instanceof ObservedConnection observed ? observed.start(sql) : null;
            Mono<Long> copied = postgres(c).copyIn(sql, Flux.fromIterable(data).map(Unpooled::wrappedBuffer))
                    .onErrorMap(e -> ObservedConnection.translated(c, sql, e));
            return timing == null ? copied
                    : copied.doOnSuccess(rows -> timing.succeeded(rows == null ? -1 : rows, List::of))
                            .doOnError(e -> timing.failed(e, List::of));
        });
    }

    private static PostgresqlConnection postgres(Connection c) {
        Object current = c;
        for (int depth = 0; depth < 8; depth++) {
            if (current instanceof PostgresqlConnection pg) {
                return pg;
            }
            if (current instanceof ObservedConnection observed) {
                current = observed.delegate();
            } else if (current instanceof Wrapped<?> wrapped) {
                current = wrapped.unwrap();
            } else {
                break;
            }
        }
        throw new IllegalStateException("COPY needs an r2dbc-postgresql connection, got " + c.getClass().getName());
    }
}
