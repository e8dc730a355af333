package io.pgrecord.spring;

import io.pgrecord.internal.jdbc.DataSourceSource;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's DataSource as the blocking backend sees it: inside a Spring transaction
 * (DataSourceTransactionManager, JpaTransactionManager) that transaction's connection, outside
 * one a connection of the pool. It tells the two apart for the backend, since with the pool's
 * {@code autoCommit=false} both come with autocommit off, and only the first is committed by
 * someone else.
 */
final class SpringDataSource extends TransactionAwareDataSourceProxy implements DataSourceSource.OwnerTransactions {

    SpringDataSource(DataSource target) {
        super(target);
    }

    @Override
    public boolean inOwnersTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.getResource(obtainTargetDataSource()) != null;
    }
}
