package io.pgrecord.bench.paired;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.bench.BenchDb;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Every client of the paired run on one database: {@link BenchDb}'s HikariCP pool, raw jOOQ and
 * pgrecord's two backends, plus a raw r2dbc-postgresql pool (r2dbc-pool, the size and checkout
 * validation pgrecord's reactive pool uses), raw jOOQ over that pool, and a virtual-thread
 * executor for JDBC on virtual threads.
 */
final class Fixture implements AutoCloseable {

    final BenchDb db;
    final ConnectionPool r2dbc;
    final DSLContext jooqR2dbc;
    final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    final ObjectMapper json = new ObjectMapper();

    Fixture(BenchDb db, int port) {
        this.db = db;
        PostgresqlConnectionConfiguration connection = PostgresqlConnectionConfiguration.builder()
                .host("localhost").port(port).database(db.database()).username("postgres").tcpKeepAlive(true).build();
        this.r2dbc = new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(connection))
                .initialSize(BenchDb.POOL).minIdle(BenchDb.POOL).maxSize(BenchDb.POOL)
                .maxAcquireTime(Duration.ofSeconds(30))
                .validationDepth(ValidationDepth.LOCAL)
                .build());
        this.r2dbc.warmup().block();
        this.jooqR2dbc = DSL.using(r2dbc, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }

    /** Runs blocking work on a fresh virtual thread and waits for it, as a one-client JDBC-on-virtual-threads engine would. */
    <T> T onVirtualThread(Callable<T> work) throws Exception {
        try {
            return virtualThreads.submit(work).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    @Override
    public void close() {
        virtualThreads.shutdown();
        r2dbc.dispose();
        db.close();
    }
}
