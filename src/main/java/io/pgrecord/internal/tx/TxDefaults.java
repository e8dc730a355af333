package io.pgrecord.internal.tx;

import io.pgrecord.IsolationLevel;
import io.pgrecord.TransactionOptions;
import io.pgrecord.error.TransactionException;
import java.util.function.Supplier;

/**
 * A manager's defaults for transactions begun afterwards, merged into each begin's options.
 * They may only change while no transaction is open: what "open" means differs per engine (the
 * thread's transaction, or any of the manager's), so the engine says why it is busy.
 */
public final class TxDefaults {

    private final Supplier<String> busy;
    private volatile IsolationLevel isolation;
    private volatile Boolean readOnly;
    private volatile Boolean deferrable;

    /** @param busy null when idle, else the reason, e.g. "a transaction is active on this thread" */
    public TxDefaults(Supplier<String> busy) {
        this.busy = busy;
    }

    /** {@code BEGIN ...} for options, with unset parts taken from these defaults. */
    public String beginSql(TransactionOptions options) {
        IsolationLevel iso = options.isolation() != null ? options.isolation() : isolation;
        return TxSql.begin(iso == null ? null : iso.sql(),
                options.isReadOnly() != null ? options.isReadOnly() : readOnly,
                options.isDeferrable() != null ? options.isDeferrable() : deferrable);
    }

    /**
     * Whether a transaction begun with these options is read-only: a backend with replicas
     * then runs it on one.
     */
    public boolean isReadOnly(TransactionOptions options) {
        Boolean ro = options.isReadOnly() != null ? options.isReadOnly() : readOnly;
        return Boolean.TRUE.equals(ro);
    }

    public void setIsolationLevel(IsolationLevel level) {
        requireIdle("isolation level");
        this.isolation = level;
    }

    public void setReadOnly(boolean readOnly) {
        requireIdle("read-only mode");
        this.readOnly = readOnly;
    }

    public void setDeferrable(boolean deferrable) {
        requireIdle("deferrable mode");
        this.deferrable = deferrable;
    }

    public IsolationLevel isolationLevel() {
        return isolation;
    }

    /** What puts these defaults back as they are now: a rolled-back test undoes what its code set. */
    public Runnable saved() {
        IsolationLevel i = isolation;
        Boolean r = readOnly;
        Boolean d = deferrable;
        return () -> {
            isolation = i;
            readOnly = r;
            deferrable = d;
        };
    }

    /** Refuses while the engine is busy; {@code what} names the thing that would change. */
    public void requireIdle(String what) {
        String why = busy.get();
        if (why != null) {
            throw new TransactionException("cannot change the " + what + " while " + why);
        }
    }
}
