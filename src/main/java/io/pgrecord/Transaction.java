package io.pgrecord;

/**
 * An open transaction, or a nested one (a savepoint) when begun inside another. Use it with
 * try-with-resources: {@link #close()} rolls back unless {@link #commit()} ran.
 * {@snippet :
 * try (Transaction tx = tm.begin()) {
 *     a.save();
 *     b.save();
 *     tx.commit();
 * }
 * }
 * Bound to the thread that began it; not thread-safe.
 */
public final class Transaction implements AutoCloseable {

    private final TransactionManager manager;
    private final Object owner;
    private final String level;
    private boolean done;

    Transaction(TransactionManager manager, Object owner, String level) {
        this.manager = manager;
        this.owner = owner;
        this.level = level;
    }

    /** COMMIT, or RELEASE SAVEPOINT for a nested transaction. */
    public void commit() {
        manager.finish(this, true);
    }

    /** ROLLBACK, or ROLLBACK TO SAVEPOINT for a nested transaction. */
    public void rollback() {
        manager.finish(this, false);
    }

    /** {@code PREPARE TRANSACTION gid}: see {@link TransactionManager#prepare(String)}. */
    public void prepare(String gid) {
        if (level != null) {
            throw new io.pgrecord.error.TransactionException("a nested transaction cannot be prepared");
        }
        manager.prepare(gid);
    }

    /** Rolls back unless already committed or rolled back. */
    @Override
    public void close() {
        if (!done) {
            rollback();
        }
    }

    /** Whether neither commit() nor rollback() has run. */
    public boolean isActive() {
        return !done;
    }

    /** Whether this is a savepoint inside an outer transaction. */
    public boolean isNested() {
        return level != null;
    }

    Object owner() {
        return owner;
    }

    String level() {
        return level;
    }

    void markDone() {
        done = true;
    }

    boolean isDone() {
        return done;
    }
}
