package io.pgrecord.internal.tx;

import io.pgrecord.error.TransactionException;

/** The misuse checks both transaction engines make, with the same messages on both paths. */
public final class TxRules {

    private TxRules() {
    }

    /**
     * A commit of a transaction in which a statement failed: the server ends it with a ROLLBACK,
     * and the application, which caught the statement's exception, must not take it for a commit.
     */
    public static TransactionException rolledBackInsteadOfCommit() {
        return new TransactionException("transaction rolled back, not committed: a statement in it failed, and the server"
                + " refuses everything after a failure until the transaction ends; to go on past a failure, run the"
                + " statement that may fail in a nested transaction (a savepoint), which rolls back alone");
    }

    /**
     * The end of a nested level in which a statement failed and the application caught it: the
     * server refuses its RELEASE, so the level rolls back to its savepoint instead, and the
     * transaction around it goes on.
     */
    public static TransactionException levelRolledBackInsteadOfCommit(String level) {
        return new TransactionException("nested transaction " + level + " rolled back, not committed: a statement in it"
                + " failed, so its work was rolled back to its savepoint; the transaction around it goes on");
    }

    /**
     * COMMIT/ROLLBACK PREPARED from inside a transaction: the server refuses it in a transaction
     * block, and run on a connection of its own it would act outside the caller's transaction.
     */
    public static TransactionException preparedInsideTransaction(String sql) {
        return new TransactionException("cannot run " + sql + " inside a transaction; run it outside any transaction");
    }

    /** A second commit() or rollback() of the same transaction. */
    public static TransactionException alreadyFinished() {
        return new TransactionException("transaction already finished; commit() or rollback() runs once");
    }

    /**
     * Checks a blocking finish: the transaction runs once, on the thread whose transaction it
     * belongs to, innermost first.
     */
    public static void checkFinish(boolean done, boolean owned, boolean innermost) {
        if (done) {
            throw alreadyFinished();
        }
        if (!owned) {
            throw new TransactionException("transaction belongs to another thread or has ended");
        }
        if (!innermost) {
            throw new TransactionException("finish the inner transaction first");
        }
    }

    /** PREPARE TRANSACTION ends the whole transaction, so it is refused on a nested one. */
    public static void checkPreparable(boolean nested) {
        if (nested) {
            throw new TransactionException("a nested transaction cannot be prepared");
        }
    }

    /** PREPARE TRANSACTION would end a transaction that the connection's owner (Spring's manager) runs. */
    public static void checkOwnTransaction(boolean joined) {
        if (joined) {
            throw new TransactionException("cannot PREPARE TRANSACTION inside a transaction that the connection's owner"
                    + " runs (a Spring transaction, say): it ends that transaction, which is the owner's to end");
        }
    }

    /**
     * PREPARE TRANSACTION in a rolled-back test: it would end the test's transaction, which is the
     * test's to roll back, and a level of the code's own is a savepoint in it, which cannot be prepared.
     */
    public static void checkNotInRolledBackTest(boolean inTest) {
        if (inTest) {
            throw new TransactionException("cannot PREPARE TRANSACTION in a test that @PgRecordTest(rollback = true) runs in a"
                    + " transaction: it would end the test's transaction; test two-phase commit in a class without rollback");
        }
    }

    /** PREPARE TRANSACTION from the manager: only with no nested transaction left open. */
    public static void checkNothingNested(int openHandles) {
        if (openHandles != 1) {
            throw new TransactionException("finish the nested transactions before PREPARE TRANSACTION");
        }
    }

    /** An operation that needs an open transaction found none; {@code hint} says how to get one. */
    public static TransactionException outside(String what, String hint) {
        return new TransactionException("cannot " + what + " outside a transaction; " + hint);
    }

    /** deferConstraints() needs names; deferAllConstraints() is the call without. */
    public static IllegalArgumentException noConstraintNames() {
        return new IllegalArgumentException("name at least one constraint, or call deferAllConstraints()");
    }

    /** The idle reason of the blocking engine. */
    public static String activeOnThread(boolean active) {
        return active ? "a transaction is active on this thread" : null;
    }

    /** The idle reason of the reactive engine, whose setters cannot see a subscriber's context. */
    public static String openInManager(int open) {
        return open > 0 ? open + " transaction(s) of this manager are open; set it before beginning them" : null;
    }
}
