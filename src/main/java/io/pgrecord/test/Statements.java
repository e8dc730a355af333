package io.pgrecord.test;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.StatementLog;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SQL a piece of work sends, for asserting statement counts:
 * {@code assertThat(Statements.during(backend, () -> User.find.query().include("posts").all())).hasSize(2)}.
 * It reads the backend's {@link StatementLog}, which covers every thread using the backend, so
 * work running beside the measured one on the same backend is counted too.
 */
public final class Statements {

    /** The longest {@link #during(AsyncPostgresBackend, Supplier)} waits for its publisher. */
    public static final Duration REACTIVE_TIMEOUT = Duration.ofSeconds(60);

    private Statements() {
    }

    /**
     * Runs {@code work} and returns the SQL that {@code backend} sent while it ran, in order.
     *
     * @param backend the backend whose statements are captured
     * @param work the work to measure
     * @return the statements sent, in order
     * @throws IllegalStateException if the backend's statement log is already capturing
     */
    public static List<String> during(PostgresBackend backend, Runnable work) {
        return capture(backend.statementLog(), work);
    }

    /**
     * Subscribes to the publisher that {@code work} returns, waits for it to complete (at most
     * {@link #REACTIVE_TIMEOUT}), and returns the SQL that {@code backend} sent meanwhile.
     *
     * @param backend the backend whose statements are captured
     * @param work supplies the publisher to measure, for example a {@code Mono} of a reactive model
     * @return the statements sent, in order
     * @throws IllegalStateException if the backend's statement log is already capturing, or the
     *     publisher did not complete in time
     */
    public static List<String> during(AsyncPostgresBackend backend, Supplier<? extends Publisher<?>> work) {
        return capture(backend.statementLog(), () -> Flux.from(work.get()).then()
                .timeout(REACTIVE_TIMEOUT, Mono.error(() -> new IllegalStateException(
                        "the publisher given to Statements.during did not complete within " + REACTIVE_TIMEOUT)))
                .block());
    }

    private static List<String> capture(StatementLog log, Runnable work) {
        if (log.isCapturing()) {
            throw new IllegalStateException("Statements.during cannot nest, nor run beside statementLog().start():"
                    + " the backend's statement log is already capturing");
        }
        log.start();
        boolean done = false;
        try {
            work.run();
            done = true;
        } finally {
            // whatever the work threw, a checked exception thrown sneakily included, the log stops
            if (!done) {
                log.stop();
            }
        }
        return log.stop();
    }
}
