package io.pgrecord.springapp;

import java.util.List;

/** Runs steps in one Spring transaction on one path: @Transactional (JDBC) or TransactionalOperator (R2DBC). */
interface SpringSide {

    /** Runs the steps in a Spring transaction, then commits it, or rolls it back by failing with {@link Rollback}. */
    void run(List<Step> steps, boolean rollback);

    /**
     * Runs, in a Spring transaction, a pgrecord transaction allowed 3 retries whose work always
     * fails with a serialization failure; returns how many times the work ran.
     */
    int attemptsOfAConflictingTransaction();

    /** Fails with a serialization failure (SQLSTATE 40001), which pgrecord's transactions retry. */
    String CONFLICT = "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$";

    /** The failure that ends a scenario's Spring transaction with a rollback. */
    final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super("roll the Spring transaction back");
        }
    }

    /** The failure inside a pgrecord {@code inTransaction}, caught by the scenario. */
    final class InnerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InnerFailure() {
            super("fail the pgrecord transaction");
        }
    }
}
