package io.pgrecord;

import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;

/**
 * Makes {@code backend.dsl().transaction(...)} use the backend's {@link TransactionManager}, so
 * raw jOOQ transactions and model transactions nest into each other.
 */
final class ManagedTransactionProvider implements TransactionProvider {

    private final TransactionManager manager;

    ManagedTransactionProvider(TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public void begin(TransactionContext ctx) {
        ctx.transaction(new Handle(manager.begin()));
    }

    @Override
    public void commit(TransactionContext ctx) {
        ((Handle) ctx.transaction()).tx.commit();
    }

    @Override
    public void rollback(TransactionContext ctx) {
        Transaction tx = ((Handle) ctx.transaction()).tx;
        if (tx.isActive()) {
            tx.rollback();
        }
    }

    private record Handle(Transaction tx) implements org.jooq.Transaction {
    }
}
