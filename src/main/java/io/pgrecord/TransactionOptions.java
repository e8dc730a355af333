package io.pgrecord;

import io.pgrecord.error.StaleRecordException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a transaction starts and whether it is retried. Immutable; combine the factories with
 * the withers.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=transaction-options}
 * Unset parts fall back to the manager's defaults ({@code setIsolationLevel} and friends), then
 * to the server's.
 */
public final class TransactionOptions {

    private static final TransactionOptions DEFAULTS = new TransactionOptions(null, null, null, 0, false);

    private final @Nullable IsolationLevel isolation;
    private final @Nullable Boolean readOnly;
    private final @Nullable Boolean deferrable;
    private final int retries;
    private final boolean retryOnStale;

    private TransactionOptions(@Nullable IsolationLevel isolation, @Nullable Boolean readOnly,
            @Nullable Boolean deferrable, int retries, boolean retryOnStale) {
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.deferrable = deferrable;
        this.retries = retries;
        this.retryOnStale = retryOnStale;
    }

    public static TransactionOptions defaults() {
        return DEFAULTS;
    }

    public static TransactionOptions serializable() {
        return DEFAULTS.isolation(IsolationLevel.SERIALIZABLE);
    }

    public static TransactionOptions repeatableRead() {
        return DEFAULTS.isolation(IsolationLevel.REPEATABLE_READ);
    }

    public static TransactionOptions readOnly() {
        return DEFAULTS.readOnly(true);
    }

    public TransactionOptions isolation(IsolationLevel level) {
        return new TransactionOptions(Objects.requireNonNull(level, "level"), readOnly, deferrable, retries, retryOnStale);
    }

    public TransactionOptions readOnly(boolean readOnly) {
        return new TransactionOptions(isolation, readOnly, deferrable, retries, retryOnStale);
    }

    /** DEFERRABLE: a SERIALIZABLE READ ONLY transaction waits for a snapshot that cannot fail. */
    public TransactionOptions deferrable(boolean deferrable) {
        return new TransactionOptions(isolation, readOnly, deferrable, retries, retryOnStale);
    }

    /**
     * Allows up to {@code retries} re-runs of {@code inTransaction} work after the first attempt
     * fails with a serialization failure or a deadlock (and, with {@link #retryOnStale(boolean)},
     * a stale record), with exponential backoff and full jitter: a pause of up to 5 ms, 10 ms,
     * 20 ms ... capped at 500 ms. When the retries run out, the last failure is thrown.
     */
    public TransactionOptions retries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        return new TransactionOptions(isolation, readOnly, deferrable, retries, retryOnStale);
    }

    /**
     * Also re-runs the work, within {@link #retries(int)}, when it fails with a
     * {@link StaleRecordException}: the optimistic-locking loop of reading a
     * {@code @Version} row, changing it and saving it, with backoff instead of a busy retry.
     * The work must read the row again, as a fresh run of it does.
     * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=retry-on-stale}
     */
    public TransactionOptions retryOnStale(boolean retryOnStale) {
        return new TransactionOptions(isolation, readOnly, deferrable, retries, retryOnStale);
    }

    /** The isolation level, or null for the default. */
    public @Nullable IsolationLevel isolation() {
        return isolation;
    }

    /** READ ONLY (true), READ WRITE (false), or null for the default. */
    public @Nullable Boolean isReadOnly() {
        return readOnly;
    }

    /** DEFERRABLE (true), NOT DEFERRABLE (false), or null for the default. */
    public @Nullable Boolean isDeferrable() {
        return deferrable;
    }

    public int retries() {
        return retries;
    }

    /** Whether a stale record, besides serialization failures and deadlocks, makes the work run again. */
    public boolean isRetryOnStale() {
        return retryOnStale;
    }

    @Override
    public String toString() {
        return "TransactionOptions[isolation=" + isolation + ", readOnly=" + readOnly + ", deferrable=" + deferrable
                + ", retries=" + retries + ", retryOnStale=" + retryOnStale + "]";
    }
}
