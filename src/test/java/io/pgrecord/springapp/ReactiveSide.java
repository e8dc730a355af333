package io.pgrecord.springapp;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.TransactionOptions;
import io.pgrecord.error.PgRecordException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The R2DBC path: a TransactionalOperator of R2dbcTransactionManager around the steps. */
final class ReactiveSide implements SpringSide {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final AsyncPostgresBackend backend;
    private final DatabaseClient client;
    private final TransactionalOperator operator;

    ReactiveSide(AsyncPostgresBackend backend, DatabaseClient client, TransactionalOperator operator) {
        this.backend = backend;
        this.client = client;
        this.operator = operator;
    }

    @Override
    public void run(List<Step> steps, boolean rollback) {
        Mono<Void> work = Flux.fromIterable(steps).concatMap(this::apply)
                .then(rollback ? Mono.error(new Rollback()) : Mono.empty());
        operator.transactional(work).block(WAIT);
    }

    @Override
    public int attemptsOfAConflictingTransaction() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<Void> work = backend.transactionManager()
                .inTransaction(TransactionOptions.defaults().retries(3), () -> Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return Mono.from(backend.dsl().query(CONFLICT));
                }))
                .then()
                // the savepoint is rolled back; the Spring transaction goes on
                .onErrorResume(PgRecordException.class, e -> Mono.empty());
        operator.transactional(work).block(WAIT);
        return attempts.get();
    }

    private Mono<?> apply(Step step) {
        return switch (step) {
            case MODEL -> Mono.defer(() -> AsyncSpringNote.of(step.body()).save());
            case SPRING_CLIENT -> client.sql(Step.INSERT.replace("?", ":body")).bind("body", step.body()).fetch().rowsUpdated();
            case DSL -> Mono.from(backend.dsl().query(Step.INSERT, step.body()));
            case NESTED -> backend.transactionManager().inTransaction(() -> AsyncSpringNote.of(step.body()).save()).then();
            case NESTED_FAILING -> backend.transactionManager()
                    .inTransaction(() -> AsyncSpringNote.of(step.body()).save().then(Mono.<Integer>error(new InnerFailure())))
                    .then()
                    // the savepoint is rolled back; the Spring transaction goes on
                    .onErrorResume(InnerFailure.class, e -> Mono.empty());
        };
    }
}
