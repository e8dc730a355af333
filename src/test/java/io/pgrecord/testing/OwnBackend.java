package io.pgrecord.testing;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * A backend of either kind on a configuration the test chose (a slow threshold, a registry),
 * connected, with its models and raw views; closed by the test.
 */
public final class OwnBackend implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final PostgresBackend blocking;
    private final AsyncPostgresBackend async;
    private final AnyBackend any;
    private final ModelOps ops;

    private OwnBackend(PostgresBackend blocking, AsyncPostgresBackend async) {
        this.blocking = blocking;
        this.async = async;
        this.any = blocking != null ? AnyBackend.of(blocking) : AnyBackend.of(async);
        this.ops = blocking != null ? ModelOps.with(blocking) : ModelOps.with(async);
    }

    public static OwnBackend open(Exec exec, PostgresConnectionConfig config) {
        if (exec == Exec.JDBC) {
            return new OwnBackend(new PostgresBackend(config).connect(), null);
        }
        AsyncPostgresBackend b = new AsyncPostgresBackend(config);
        try {
            b.connect().block(WAIT);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return new OwnBackend(null, b);
    }

    public AnyBackend any() {
        return any;
    }

    public ModelOps ops() {
        return ops;
    }

    /**
     * Runs {@code work} in a transaction of the backend's own manager: blocking work as it is,
     * and on the reactive backend the publisher it returns.
     */
    public void inTransaction(Runnable blockingWork, Supplier<? extends Publisher<?>> reactiveWork) {
        if (blocking != null) {
            blocking.transactionManager().inTransaction(blockingWork);
        } else {
            async.transactionManager().inTransaction(() -> Flux.from(reactiveWork.get())).blockLast(WAIT);
        }
    }

    @Override
    public void close() {
        if (blocking != null) {
            blocking.close();
        } else {
            async.close();
        }
    }
}
