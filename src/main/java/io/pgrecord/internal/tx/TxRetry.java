package io.pgrecord.internal.tx;

import io.pgrecord.error.DeadlockException;
import io.pgrecord.error.SerializationFailureException;
import io.pgrecord.error.StaleRecordException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** When and after how long {@code inTransaction} runs its work again. */
public final class TxRetry {

    private static final long BASE_MILLIS = 5;
    private static final long MAX_MILLIS = 500;

    private TxRetry() {
    }

    /**
     * Serialization failures and deadlocks; the server rolled the transaction back, so a re-run
     * is safe. With {@code stale}, also a stale record: the work's own transaction is rolled
     * back, and a re-run reads the row again.
     */
    public static boolean isRetryable(Throwable e, boolean stale) {
        return e instanceof SerializationFailureException || e instanceof DeadlockException
                || stale && e instanceof StaleRecordException;
    }

    /** Whether a failed attempt (0-based) of {@code attempts} in all runs again. */
    public static boolean again(int attempt, int attempts, Throwable e, boolean stale) {
        return attempt + 1 < attempts && isRetryable(e, stale);
    }

    /** Exponential backoff with full jitter: up to 5 ms, 10 ms, 20 ms ... capped at 500 ms. */
    public static Duration backoff(int attempt) {
        long ceiling = Math.min(MAX_MILLIS, BASE_MILLIS << Math.min(attempt, 10));
        return Duration.ofMillis(1 + ThreadLocalRandom.current().nextLong(ceiling));
    }
}
