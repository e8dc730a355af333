package io.pgrecord.readme;

import io.pgrecord.AsyncTransactionManager;
import io.pgrecord.TransactionManager;
import io.pgrecord.TransactionOptions;

/** The README's optimistic-locking retry block, under "Transactions". */
final class RetryOnStaleExample {

    private RetryOnStaleExample() {
    }

    /** Adds one to the counter {@code id} on each backend. */
    static void run(TransactionManager tm, AsyncTransactionManager atm, Long id) {
        // README: retry-on-stale-begin
        TransactionOptions optimistic = TransactionOptions.defaults().retries(20).retryOnStale(true);
        tm.inTransaction(optimistic, () -> {
            Counter c = Counter.find.getById(id);        // read again on every attempt
            c.value++;
            c.save();
        });
        atm.inTransaction(optimistic, () -> AsyncCounter.find.getById(id).flatMap(c -> { c.value++; return c.save(); })).blockLast();
        // README: retry-on-stale-end
    }
}
