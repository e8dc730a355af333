package io.pgrecord.springapp;

import io.pgrecord.PostgresBackend;
import io.pgrecord.TransactionOptions;
import io.pgrecord.error.PgRecordException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The JDBC path: a @Transactional method of a Spring bean, under JdbcTransactionManager. */
public class BlockingSide implements SpringSide {

    private final PostgresBackend backend;
    private final JdbcTemplate jdbc;

    BlockingSide(PostgresBackend backend, JdbcTemplate jdbc) {
        this.backend = backend;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(transactionManager = "jdbcTransactionManager")
    public void run(List<Step> steps, boolean rollback) {
        for (Step step : steps) {
            apply(step);
        }
        if (rollback) {
            throw new Rollback();
        }
    }

    @Override
    @Transactional(transactionManager = "jdbcTransactionManager")
    public int attemptsOfAConflictingTransaction() {
        AtomicInteger attempts = new AtomicInteger();
        try {
            backend.transactionManager().inTransaction(TransactionOptions.defaults().retries(3), () -> {
                attempts.incrementAndGet();
                backend.dsl().execute(CONFLICT);
            });
        } catch (PgRecordException expected) {
            // the savepoint is rolled back; the Spring transaction goes on
        }
        return attempts.get();
    }

    private void apply(Step step) {
        switch (step) {
            case MODEL -> SpringNote.of(step.body()).save();
            case SPRING_CLIENT -> jdbc.update(Step.INSERT, step.body());
            case DSL -> backend.dsl().execute(Step.INSERT, step.body());
            case NESTED -> backend.transactionManager().inTransaction(() -> SpringNote.of(step.body()).save());
            case NESTED_FAILING -> {
                try {
                    backend.transactionManager().inTransaction(() -> {
                        SpringNote.of(step.body()).save();
                        throw new InnerFailure();
                    });
                } catch (InnerFailure expected) {
                    // the savepoint is rolled back; the Spring transaction goes on
                }
            }
        }
    }
}
