package io.pgrecord.internal.r2dbc;

import io.pgrecord.internal.core.StatementRecorder;
import io.pgrecord.internal.error.Causes;
import io.pgrecord.internal.error.ErrorTranslator;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The pool as jOOQ and the model executor see it. jOOQ runs no {@code ExecuteListener} on
 * R2DBC (jOOQ #12221), so statement logging and error translation happen here, outside the pool
 * so that its own validation queries stay out of the log.
 */
public final class ObservedConnectionFactory implements ConnectionFactory {

    private final ConnectionPool pool;
    private final StatementRecorder recorder;
    private final int maxSize;
    private final Duration timeout;

    ObservedConnectionFactory(ConnectionPool pool, StatementRecorder recorder, int maxSize, Duration timeout) {
        this.pool = pool;
        this.recorder = recorder;
        this.maxSize = maxSize;
        this.timeout = timeout;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return pool.create().<Connection>map(c -> new ObservedConnection(c, this)).onErrorMap(this::acquireFailure);
    }

    private Throwable acquireFailure(Throwable failure) {
        if (Causes.has(failure, TimeoutException.class, io.r2dbc.spi.R2dbcTimeoutException.class)
                && !Causes.has(failure, IOException.class)) {
            return ErrorTranslator.poolExhausted(pool.getMetadata().getName(), maxSize, timeout, failure);
        }
        return R2dbcErrors.translate(failure);
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return pool.getMetadata();
    }

    StatementRecorder recorder() {
        return recorder;
    }

    ConnectionPool pool() {
        return pool;
    }

    Mono<Void> dispose() {
        return pool.disposeLater();
    }
}
