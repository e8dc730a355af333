package io.pgrecord.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * One embedded PostgreSQL per trial, its tables and seed data, and the four clients side by side:
 * a HikariCP pool for raw pgjdbc and raw jOOQ, and pgrecord's two backends. All pools have the
 * same size and the same driver settings where the drivers share them.
 */
public final class BenchDb implements AutoCloseable {

    /** Rows in bench_items and bench_wide, the read tables. */
    public static final int ITEMS = 10_000;
    public static final int PARENTS = 200;
    public static final int CHILDREN_PER_PARENT = 5;
    public static final int POOL = 16;

    /** The server this trial started, or null when it uses the one BenchMain shares. */
    private final EmbeddedPostgres pg;
    private final int port;
    private final String database;
    public final HikariDataSource ds;
    public final DSLContext jooq;
    public final PostgresBackend backend;
    public final AsyncPostgresBackend async;

    private BenchDb(EmbeddedPostgres pg, int port, String database) {
        this.pg = pg;
        this.port = port;
        this.database = database;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/" + database);
        hc.setUsername("postgres");
        hc.setMaximumPoolSize(POOL);
        hc.setMinimumIdle(POOL);
        // what pgrecord's own pool sets that changes the work the driver does
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        hc.addDataSourceProperty("stringtype", "unspecified");
        this.ds = new HikariDataSource(hc);
        // no execute logging, as a production jOOQ setup would run
        this.jooq = DSL.using(ds, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false).withReturnAllOnUpdatableRecord(true));
        PostgresConnectionConfig config = PostgresConnectionConfig.builder()
                .host("localhost").port(port).database(database).username("postgres")
                .poolMinSize(POOL).poolMaxSize(POOL).poolTimeout(Duration.ofSeconds(30))
                .build();
        this.backend = new PostgresBackend(config).connect();
        this.async = new AsyncPostgresBackend(config);
        this.async.connect().block();
    }

    /** The port of the server BenchMain started for all forks, if any. */
    public static final String SHARED_PORT = "bench.pgPort";

    /**
     * A fresh database with the seeded tables: on the server BenchMain shares with every fork
     * (so no trial pays for a server start), or on a server of its own when run alone.
     */
    public static BenchDb start() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        try {
            String shared = System.getProperty(SHARED_PORT);
            BenchDb db;
            if (shared != null) {
                int port = Integer.parseInt(shared);
                String database = "bench_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
                // a copy of the seeded template: no trial pays for seeding
                admin(port, "create database " + database + " template " + TEMPLATE);
                db = new BenchDb(null, port, database);
            } else {
                EmbeddedPostgres pg = startServer();
                db = new BenchDb(pg, pg.getPort(), "postgres");
                db.createSchema();
            }
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static final String TEMPLATE = "bench_template";

    /** An embedded server for the whole run, with the seeded template every trial copies. */
    public static EmbeddedPostgres startServer() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        admin(pg.getPort(), "create database " + TEMPLATE);
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/" + TEMPLATE,
                "postgres", ""); Statement s = c.createStatement()) {
            s.execute(SCHEMA);
            s.execute("vacuum analyze");
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the benchmark template", e);
        }
        return pg;
    }

    private static void admin(int port, String sql) {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The tables and seed data of every workload. */
    private static final String SCHEMA = """
                create table bench_items (id bigint generated by default as identity primary key,
                    name text not null, qty integer not null, active boolean not null);
                create table bench_ins (id bigint generated by default as identity primary key,
                    name text not null, qty integer not null, active boolean not null);
                create table bench_parents (id bigint generated by default as identity primary key,
                    name text not null);
                create table bench_children (id bigint generated by default as identity primary key,
                    parent_id bigint not null references bench_parents, name text not null);
                create index on bench_children (parent_id);
                create table bench_wide (id bigint generated by default as identity primary key,
                    title text not null, code varchar(40) not null, qty integer not null, price numeric(12,2) not null,
                    active boolean not null, created_at timestamptz not null, day date not null, ref uuid not null,
                    payload jsonb not null, tags text[] not null, ip inet not null);
                create table bench_wide_ins (like bench_wide including all);
                insert into bench_wide (title, code, qty, price, active, created_at, day, ref, payload, tags, ip)
                    select 'title ' || g, 'C-' || g, g %% 1000, (g %% 100000) / 100.0 + 0.25, g %% 2 = 0,
                        timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute', date '2024-01-01' + g %% 365,
                        md5(g::text)::uuid, jsonb_build_object('n', g, 'kind', 'k' || g %% 7),
                        array['a' || g %% 5, 'b' || g %% 3], ('10.0.' || g / 256 %% 256 || '.' || g %% 256)::inet
                    from generate_series(1, %d) g;
                insert into bench_items (name, qty, active)
                    select 'item ' || g, g %% 1000, g %% 2 = 0 from generate_series(1, %d) g;
                insert into bench_parents (name) select 'parent ' || g from generate_series(1, %d) g;
                insert into bench_children (parent_id, name)
                    select p, 'child ' || p || '.' || c from generate_series(1, %d) p, generate_series(1, %d) c;
                """.formatted(ITEMS, ITEMS, PARENTS, PARENTS, CHILDREN_PER_PARENT);

    private void createSchema() {
        exec(SCHEMA);
        exec("vacuum analyze");
    }

    /** Runs SQL on a plain pooled connection (setup and checks, never timed). */
    public void exec(String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String table) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from " + table);
             var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name of this trial's database. */
    public String database() {
        return database;
    }

    public String serverVersion() {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        async.close();
        backend.close();
        ds.close();
        if (pg == null) {
            admin(port, "drop database " + database + " with (force)");
            return;
        }
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
