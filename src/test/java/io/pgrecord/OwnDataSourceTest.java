package io.pgrecord;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.error.ConnectionException;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/** Backends over the application's own pool: models, transactions, and the pool stays the application's. */
@ExtendWith(PgExtension.class)
class OwnDataSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
    }

    @BothBackends
    void modelsAndTransactionsRunOnTheApplicationsPoolWhichCloseLeavesOpen(Exec exec, TestDatabase db) throws SQLException {
        String tag = " own " + exec;
        try (AppPool app = AppPool.open(exec, db)) {
            ModelOps ops = app.ops;
            Model ann = ops.insert("User", "name", "Ann" + tag, "metadata", Map.of("role", "admin" + tag));
            Model found = ops.getById("User", get(ann, "id"));
            assertThat((String) get(found, "name")).isEqualTo("Ann" + tag);
            // a string compared with jsonb: untyped, as on pgrecord's own pool
            assertThat(ops.count(ops.query("User").where("metadata @> ?", "{\"role\": \"admin" + tag + "\"}"))).isEqualTo(1);

            Model bob = ops.create("User", "name", "Bob" + tag);
            IllegalStateException rollBack = new IllegalStateException("roll back");
            assertThatThrownBy(() -> app.insertThenFail(bob, rollBack)).isSameAs(rollBack);
            assertThat(db.queryValue("SELECT count(*) FROM users WHERE name = 'Bob" + tag + "'")).isEqualTo(0L);

            assertThat(ops.copyIn("User", List.of(ops.create("User", "name", "Cy" + tag)))).isEqualTo(1);

            app.closeBackend();
            assertThat(app.poolOpen()).isTrue();
            assertThat(app.countOnPool("SELECT count(*) FROM users WHERE name LIKE '%" + tag + "'")).isEqualTo(2);
        }
    }

    /**
     * The application's pool of one connection, held by the application: pgrecord's wait ends
     * with the pool's own acquire timeout, and the error describes that pool, whose size and
     * timeout are the application's, not a pgrecord poolMaxSize or poolTimeout.
     */
    @BothBackends
    void anExhaustedApplicationPoolIsDescribedAsTheApplications(Exec exec, TestDatabase db) {
        try (AppPool app = AppPool.open(exec, db, 1, Duration.ofMillis(500))) {
            Runnable giveBack = app.holdOne();
            try {
                assertThatThrownBy(() -> app.ops.count(app.ops.query("User")))
                        .isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("the application's " + (exec == Exec.JDBC ? "DataSource" : "ConnectionFactory")
                                + " gave no connection in time")
                        .hasMessageContaining("raise its size or acquire timeout")
                        .hasMessageNotContaining("poolMaxSize").hasMessageNotContaining("poolTimeout");
            } finally {
                giveBack.run();
            }
            assertThat(app.ops.count(app.ops.query("User"))).as("once the application gives it back")
                    .isEqualTo(((Number) db.queryValue("SELECT count(*) FROM users")).longValue());
        }
    }

    /**
     * After close() a backend over the application's pool refuses work, on both paths alike
     * (the reactive one with an error signal), and the pool stays the application's, open.
     */
    @BothBackends
    void aClosedBackendRefusesWorkAndLeavesThePoolOpen(Exec exec, TestDatabase db) throws SQLException {
        try (AppPool app = AppPool.open(exec, db)) {
            assertThat(app.ops.count(app.ops.query("User"))).isNotNegative();
            app.closeBackend();
            app.closeBackend();   // idempotent
            for (Map.Entry<String, org.assertj.core.api.ThrowableAssert.ThrowingCallable> use : app.uses().entrySet()) {
                assertThatThrownBy(use.getValue()).as(use.getKey()).isInstanceOf(IllegalStateException.class)
                        .hasMessage("backend is closed");
            }
            assertThat(app.poolOpen()).isTrue();
            assertThat(app.countOnPool("SELECT count(*) FROM pg_database WHERE datname = current_database()")).isEqualTo(1);
        }
    }

    @Test
    void aDataSourceThatBindsStringsAsVarcharIsRefusedNamingTheProperty(TestDatabase db) {
        try (HikariDataSource pool = hikari(db, false); PostgresBackend backend = PostgresBackend.of(pool)) {
            assertThatThrownBy(backend::connect).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stringtype=unspecified");
            assertThat(pool.isClosed()).isFalse();
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }

    /**
     * A pool whose connections come with autocommit off ({@code autoCommit=false}): a pool lends
     * a connection no one else uses, so that is its default, not its owner's transaction, and
     * pgrecord's writes must commit. Blocking only: R2DBC has no such pool setting.
     */
    @Test
    void onAnAutoCommitFalsePoolWritesCommitAndConnectionsGoBackAsLent(TestDatabase db) throws SQLException {
        HikariDataSource pool = hikari(db, true, false);
        try (pool; PostgresBackend backend = PostgresBackend.of(pool)) {
            ModelOps ops = ModelOps.with(backend);
            ops.insert("User", "name", "Ann autocommit off");
            backend.transactionManager().inTransaction(() -> ops.insert("User", "name", "Bob autocommit off"));
            IllegalStateException rollBack = new IllegalStateException("roll back");
            assertThatThrownBy(() -> backend.transactionManager().inTransaction(() -> {
                ops.insert("User", "name", "Cy autocommit off");
                throw rollBack;
            })).isSameAs(rollBack);
            backend.dsl().execute("UPDATE users SET email = 'ann@example.com' WHERE name = 'Ann autocommit off'");

            assertThat(db.queryValue("SELECT count(*) FROM users WHERE name LIKE '% autocommit off'")).isEqualTo(2L);
            assertThat(db.queryValue("SELECT email FROM users WHERE name = 'Ann autocommit off'")).isEqualTo("ann@example.com");
            try (java.sql.Connection c = pool.getConnection()) {
                assertThat(c.getAutoCommit()).as("as the pool lends it").isFalse();
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }

    private static HikariDataSource hikari(TestDatabase db, boolean untypedStrings) {
        return hikari(db, untypedStrings, true);
    }

    private static HikariDataSource hikari(TestDatabase db, boolean untypedStrings, boolean autoCommit) {
        return hikari(db, untypedStrings, autoCommit, 3, Duration.ofSeconds(30));
    }

    private static HikariDataSource hikari(TestDatabase db, boolean untypedStrings, boolean autoCommit, int size, Duration timeout) {
        PostgresConnectionConfig c = db.config();
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:postgresql://" + c.host() + ":" + c.port() + "/" + c.database());
        hc.setUsername(c.username());
        hc.setPassword(c.password());
        hc.setMaximumPoolSize(size);
        hc.setConnectionTimeout(timeout.toMillis());
        hc.setAutoCommit(autoCommit);
        if (untypedStrings) {
            hc.addDataSourceProperty("stringtype", "unspecified");
        }
        return new HikariDataSource(hc);
    }

    /** The application's pool for one path, and a pgrecord backend over it. */
    private static final class AppPool implements AutoCloseable {
        private final HikariDataSource hikari;
        private final ConnectionPool r2dbc;
        private final PostgresBackend blocking;
        private final AsyncPostgresBackend async;
        final ModelOps ops;

        private AppPool(HikariDataSource hikari, ConnectionPool r2dbc) {
            this.hikari = hikari;
            this.r2dbc = r2dbc;
            this.blocking = hikari == null ? null : PostgresBackend.of(hikari);
            this.async = r2dbc == null ? null : AsyncPostgresBackend.of(r2dbc);
            if (async != null) {
                async.connect().block(WAIT);
            }
            this.ops = blocking != null ? ModelOps.with(blocking) : ModelOps.with(async);
        }

        static AppPool open(Exec exec, TestDatabase db) {
            return open(exec, db, 3, Duration.ofSeconds(30));
        }

        /** A pool of {@code size} connections that waits {@code acquireTimeout} at most for one. */
        static AppPool open(Exec exec, TestDatabase db, int size, Duration acquireTimeout) {
            if (exec == Exec.JDBC) {
                return new AppPool(hikari(db, true, true, size, acquireTimeout), null);
            }
            PostgresConnectionConfig c = db.config();
            PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                    .host(c.host()).port(c.port()).database(c.database()).username(c.username()).password(c.password()).build());
            return new AppPool(null, new ConnectionPool(ConnectionPoolConfiguration.builder(factory).initialSize(0).maxSize(size)
                    .maxAcquireTime(acquireTimeout).build()));
        }

        /** Takes one of the pool's connections, as the application would; returns what gives it back. */
        Runnable holdOne() {
            if (hikari != null) {
                try {
                    java.sql.Connection c = hikari.getConnection();
                    return () -> {
                        try {
                            c.close();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    };
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            Connection c = Mono.from(r2dbc.create()).block(WAIT);
            return () -> Mono.from(c.close()).block(WAIT);
        }

        void insertThenFail(Model m, RuntimeException failure) {
            if (blocking != null) {
                blocking.transactionManager().inTransaction(() -> {
                    ops.insertRow(m);
                    throw failure;
                });
            } else {
                async.transactionManager().inTransaction(() -> Mono.from(((AsyncActiveRecord<?>) m).insert()).then(Mono.error(failure)))
                        .blockLast(WAIT);
            }
        }

        void closeBackend() {
            if (blocking != null) {
                blocking.close();
                assertThat(blocking.isClosed()).isTrue();
            } else {
                async.close();
            }
        }

        /** Work of each kind through the backend: models, raw jOOQ, transactions, locks, notifications. */
        Map<String, org.assertj.core.api.ThrowableAssert.ThrowingCallable> uses() {
            Map<String, org.assertj.core.api.ThrowableAssert.ThrowingCallable> uses = new java.util.LinkedHashMap<>();
            uses.put("model", () -> ops.count(ops.query("User")));
            if (blocking != null) {
                uses.put("dsl", () -> blocking.dsl().fetchValue("SELECT 1"));
                uses.put("transaction", () -> blocking.transactionManager().inTransaction(() -> { }));
                uses.put("lock", () -> blocking.advisoryLock(1).close());
                uses.put("listen", () -> blocking.listen("closed_ch", n -> { }).close());
                uses.put("notify", () -> blocking.notify("closed_ch", "x"));
            } else {
                uses.put("dsl", () -> Mono.from(async.dsl().selectOne()).block(WAIT));
                uses.put("connect", () -> async.connect().block(WAIT));
                uses.put("transaction", () -> async.transactionManager().inTransaction(() -> Mono.just(1)).blockLast(WAIT));
                uses.put("lock", () -> async.advisoryLock(1).block(WAIT));
                uses.put("listen", () -> async.listen("closed_ch").blockFirst(WAIT));
                uses.put("notify", () -> async.notify("closed_ch", "x").block(WAIT));
            }
            return uses;
        }

        boolean poolOpen() {
            return hikari != null ? !hikari.isClosed() : !r2dbc.isDisposed();
        }

        long countOnPool(String sql) throws SQLException {
            if (hikari != null) {
                try (java.sql.Connection c = hikari.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            return Mono.usingWhen(r2dbc.create(), c -> Mono.from(c.createStatement(sql).execute())
                    .flatMap(r -> Mono.from(r.map((row, meta) -> row.get(0, Long.class)))), Connection::close).block(WAIT);
        }

        @Override
        public void close() {
            if (hikari != null) {
                hikari.close();
            } else {
                r2dbc.dispose();
            }
        }
    }
}
