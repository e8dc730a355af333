package io.pgrecord.readme;

import static io.pgrecord.readme.BackendsExample.ITEMS;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.AsyncTransactionManager;
import io.pgrecord.PostgresBackend;
import io.pgrecord.Savepoint;
import io.pgrecord.Transaction;
import io.pgrecord.TransactionManager;
import io.pgrecord.TransactionOptions;
import reactor.core.publisher.Flux;

/**
 * The README's "Transactions" block: its blocking half on {@link User}s, its reactive half on
 * {@link AsyncUser}s. The blocking half's savepoint line needs an open transaction, so the
 * test runs that half inside one.
 */
final class TransactionsExample {

    private TransactionsExample() {
    }

    static void blocking(PostgresBackend backend, User a, User b) {
        // README: transactions-blocking-begin
        TransactionManager tm = backend.transactionManager();
        tm.inTransaction(() -> { a.save(); b.save(); });                    // commit; rollback + rethrow (same instance)
        try (Transaction tx = tm.begin()) { a.save(); tx.commit(); }         // close() without commit() rolls back
        Savepoint sp = tm.savepoint();   tm.rollbackToSavepoint(sp);   tm.releaseSavepoint(sp);
        tm.inTransaction(TransactionOptions.serializable().retries(5), () -> transfer(a, b, 10));
        tm.deferAllConstraints();                                           // SET CONSTRAINTS ALL DEFERRED
        // README: transactions-blocking-end
    }

    static void reactive(AsyncPostgresBackend async, AsyncUser x, AsyncUser y) {
        // README: transactions-reactive-begin
        AsyncTransactionManager atm = async.transactionManager();
        atm.inTransaction(() -> x.save().then(y.save())).blockLast();   // x, y: AsyncActiveRecord models; emits after COMMIT
        atm.inTransaction(dsl -> Flux.from(dsl.selectFrom(ITEMS))).collectList().block();
        atm.begin().flatMap(tx -> tx.run(() -> x.save()).then(tx.commit())).block();
        // README: transactions-reactive-end
    }

    /** The application's own work, here a rename standing in for a money transfer. */
    private static void transfer(User from, User to, int amount) {
        from.name = from.name + " -" + amount;
        to.name = to.name + " +" + amount;
        from.save();
        to.save();
    }
}
