package io.pgrecord.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.internal.error.ErrorTranslator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.QueryExecutor;
import org.postgresql.ds.common.BaseDataSource;

/**
 * Connections of an application's own {@link DataSource}, which pgrecord borrows and never
 * closes. Their driver settings are the application's: string binds must be untyped, as on
 * pgrecord's own pool, so a pgjdbc connection that binds strings as varchar is refused with
 * the property to set; the few types pgrecord reads as text are set to travel as text on each
 * connection lent.
 */
public final class DataSourceSource implements JdbcConnectionSource {

    /**
     * Implemented by a DataSource that can lend a connection inside a transaction its owner runs
     * (a framework's transaction-aware proxy), to say whether this one is: a connection lent with
     * autocommit off is then either in that transaction, or off by the pool's default.
     */
    public interface OwnerTransactions {

        /** Whether the connection it lends the calling thread now is that of a transaction its owner runs. */
        boolean inOwnersTransaction();
    }

    private final DataSource dataSource;
    private final OwnerTransactions owners;
    /** The connections lent with autocommit turned on by pgrecord, to turn off again when given back. */
    private final Set<Connection> autocommitTurnedOn = ConcurrentHashMap.newKeySet();
    private volatile boolean checked;

    public DataSourceSource(DataSource dataSource) {
        this.dataSource = dataSource;
        this.owners = owners(dataSource);
    }

    /**
     * A pool (HikariCP's, pgjdbc's data sources) lends a connection no one else is using, so
     * autocommit off is only its default ({@code autoCommit=false}): were pgrecord to take that as
     * an owner's transaction, nobody would commit its writes, and the pool would roll them back.
     * Any other DataSource may be a proxy lending the connection of a transaction its owner runs,
     * and pgrecord must neither commit nor turn on autocommit there.
     */
    private static OwnerTransactions owners(DataSource dataSource) {
        if (dataSource instanceof OwnerTransactions own) {
            return own;
        }
        if (dataSource instanceof HikariDataSource || dataSource instanceof BaseDataSource) {
            return () -> false;
        }
        return () -> true;
    }

    @Override
    public Connection get() {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLTransientConnectionException e) {
            // HikariCP's rule: no cause means every connection stayed busy for the pool's timeout
            throw e.getCause() == null ? ErrorTranslator.applicationPoolExhausted("DataSource", e) : JdbcErrors.translate(e);
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        }
        if (!checked) {
            check(c);
        }
        orGiveBack(c, () -> {
            readAsText(c);
            if (!c.getAutoCommit() && !owners.inOwnersTransaction()) {
                // pgrecord's statements commit as they would on its own pool, its transactions send BEGIN
                c.setAutoCommit(true);
                autocommitTurnedOn.add(c);
            }
        });
        return c;
    }

    /** Gives the connection back as it was lent: with autocommit off again where pgrecord turned it on. */
    @Override
    public void giveBack(Connection connection) {
        try {
            if (autocommitTurnedOn.remove(connection) && !connection.isClosed()) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            // the connection is broken: closing it below is all that is left to do
        } finally {
            JdbcConnectionSource.super.giveBack(connection);
        }
    }

    /**
     * The types pgrecord reads as text, as its own pool's {@code binaryTransferDisable} does
     * ({@code HikariConfigs}): once a statement is server-prepared pgjdbc would fetch them in
     * binary, and its getString then shifts a timetz to UTC and prints a bytea as an object
     * reference. The application's pool does not know that, so each connection lent is told.
     */
    private static void readAsText(Connection c) throws SQLException {
        QueryExecutor executor = c.unwrap(BaseConnection.class).getQueryExecutor();
        for (int oid : HikariConfigs.TEXT_READ_OIDS) {
            executor.removeBinaryReceiveOid(oid);
        }
    }

    /** Once: the connections are pgjdbc's and bind strings untyped, or the first use fails naming the fix. */
    private void check(Connection c) {
        orGiveBack(c, () -> {
            if (!c.isWrapperFor(BaseConnection.class)) {
                throw new IllegalStateException("PostgresBackend.of(DataSource) needs pgjdbc connections; "
                        + dataSource.getClass().getName() + " gave a " + c.getClass().getName());
            }
            if (c.unwrap(BaseConnection.class).getStringVarcharFlag()) {
                throw new IllegalStateException("PostgresBackend.of(DataSource): the DataSource binds strings as varchar;"
                        + " pgrecord sends them untyped so the server types them from context (jsonb, citext, enums):"
                        + " set the pgjdbc property stringtype=unspecified on it (HikariCP: addDataSourceProperty(\"stringtype\","
                        + " \"unspecified\"), or ?stringtype=unspecified in its JDBC URL)");
            }
            checked = true;
        });
    }

    /**
     * A connection of the application's DataSource, kept by the listener: it counts in that
     * pool's budget, and pgjdbc must be behind it.
     */
    @Override
    public Connection dedicated() {
        Connection c = get();
        // closed by the listener itself, with autocommit on, which LISTEN needs to take effect at once
        autocommitTurnedOn.remove(c);
        orGiveBack(c, () -> {
            if (!c.isWrapperFor(PGConnection.class)) {
                throw new IllegalStateException("PostgresBackend.listen needs pgjdbc connections that unwrap to "
                        + "org.postgresql.PGConnection; " + dataSource.getClass().getName() + " gave a " + c.getClass().getName());
            }
        });
        return c;
    }

    /** Runs a check of a connection just borrowed; when it fails, the connection goes back first. */
    private void orGiveBack(Connection c, ConnectionCheck check) {
        try {
            check.run();
        } catch (SQLException e) {
            giveBack(c);
            throw JdbcErrors.translate(e);
        } catch (RuntimeException e) {
            giveBack(c);
            throw e;
        }
    }

    /** A check that may fail with the driver's exception. */
    @FunctionalInterface
    private interface ConnectionCheck {
        void run() throws SQLException;
    }

    /** The pool is the application's: pgrecord cannot replace its idle connections. */
    @Override
    public void evictIdle() {
    }

    @Override
    public int[] figures() {
        return new int[4];
    }

    /** Never closes the application's DataSource. */
    @Override
    public void close() {
    }
}
