package io.pgrecord.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.r2dbc.pool.ConnectionPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database for one test class, with both backends on it and a plain JDBC side channel
 * for checking what the database really holds. Dropped when the class is done.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final PgServer server;
    private final String name;
    private PostgresBackend blocking;
    private AsyncPostgresBackend async;
    private HikariDataSource ownHikari;
    private ConnectionPool ownR2dbc;

    private TestDatabase(PgServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public static TestDatabase create(String owner) {
        PgServer server = PgServers.shared();
        String base = owner.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        String name = "t_" + base.substring(0, Math.min(base.length(), 40)) + "_"
                + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        TestDatabase db = new TestDatabase(server, name);
        db.admin("CREATE DATABASE " + name);
        return db;
    }

    public String name() {
        return name;
    }

    public PgServer server() {
        return server;
    }

    /** A config for this database, small pool, for building extra backends in a test. */
    public PostgresConnectionConfig.Builder configBuilder() {
        return PostgresConnectionConfig.builder()
                .host(server.host()).port(server.port()).database(name)
                .username(server.user()).password(server.password())
                .poolMinSize(0).poolMaxSize(5).poolTimeout(Duration.ofSeconds(10));
    }

    public PostgresConnectionConfig config() {
        return configBuilder().build();
    }

    /** The shared blocking backend of this class, connected; over a pool of the test's own under {@link OwnPools}. */
    public synchronized PostgresBackend blocking() {
        if (blocking == null) {
            if (OwnPools.enabled()) {
                ownHikari = OwnPools.hikari(config());
                blocking = PostgresBackend.of(ownHikari).connect();
            } else {
                blocking = new PostgresBackend(config()).connect();
            }
        }
        return blocking;
    }

    /** The shared reactive backend of this class, connected; over a pool of the test's own under {@link OwnPools}. */
    public synchronized AsyncPostgresBackend async() {
        if (async == null) {
            if (OwnPools.enabled()) {
                ownR2dbc = OwnPools.r2dbc(config());
                async = AsyncPostgresBackend.of(ownR2dbc);
            } else {
                async = new AsyncPostgresBackend(config());
            }
            async.connect().block(Duration.ofSeconds(30));
        }
        return async;
    }

    public AnyBackend on(Exec exec) {
        return exec == Exec.JDBC ? AnyBackend.of(blocking()) : AnyBackend.of(async());
    }

    /** A plain pgjdbc connection to this database, outside both backends; close it. */
    public Connection jdbc() {
        try {
            return DriverManager.getConnection(server.jdbcUrl(name), server.user(), server.password());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs SQL on the side channel. */
    public void execute(String... sql) {
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a query on the side channel, each as a list of column values. */
    public List<List<Object>> query(String sql) {
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single value of a query on the side channel. */
    public Object queryValue(String sql) {
        return query(sql).get(0).get(0);
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(server.adminDatabase()), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        int leaked = leakedConnections();
        if (blocking != null) {
            blocking.close();
        }
        if (async != null) {
            async.close();
        }
        // the backends leave the application's pools open, as they must
        if (ownHikari != null) {
            ownHikari.close();
        }
        if (ownR2dbc != null) {
            ownR2dbc.dispose();
        }
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "' AND pid <> pg_backend_pid()");
        admin("DROP DATABASE IF EXISTS " + name);
        if (leaked > 0) {
            throw new IllegalStateException(leaked + " connection(s) of " + name + " were still lent out when its tests ended");
        }
    }

    /** Connections of the shared backends still in use once the class is done, after a short grace. */
    private int leakedConnections() {
        for (int i = 0; ; i++) {
            int active = (blocking == null ? 0 : blocking.poolStats().active()) + (async == null ? 0 : async.poolStats().active());
            if (active == 0 || i >= 40) {
                return active;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return active;
            }
        }
    }
}
