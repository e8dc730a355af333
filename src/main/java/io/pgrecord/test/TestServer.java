package io.pgrecord.test;

import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The server that the test classes of this JVM create their databases on: the one named by
 * {@code PGRECORD_TEST_URL} (or {@code -Dpgrecord.test.url}), else an embedded PostgreSQL started
 * on first use and stopped when the JVM exits.
 */
final class TestServer implements AutoCloseable {

    static final String URL_VARIABLE = "PGRECORD_TEST_URL";
    static final String URL_PROPERTY = "pgrecord.test.url";

    private static @Nullable TestServer shared;

    /** A user who may create databases, connected to a database that is never dropped. */
    private final PostgresConnectionConfig admin;
    private final @Nullable EmbeddedPostgres embedded;
    private @Nullable PostgresBackend adminBackend;

    private TestServer(PostgresConnectionConfig admin, @Nullable EmbeddedPostgres embedded) {
        this.admin = admin;
        this.embedded = embedded;
    }

    static synchronized TestServer shared() {
        TestServer server = shared;
        if (server == null) {
            String url = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
            server = url == null || url.isBlank() ? embedded() : external(url);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "pgrecord-test-server-stop"));
            shared = server;
        }
        return server;
    }

    /** A server someone else runs; pgrecord creates and drops databases there but never stops it. */
    static TestServer external(String url) {
        return new TestServer(PostgresConnectionConfig.fromUrl(url), null);
    }

    private static TestServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // durability is worthless for throw-away test data; these make writes faster
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            PostgresConnectionConfig admin = PostgresConnectionConfig.builder()
                    .host("localhost").port(postgres.getPort()).database("postgres").username("postgres").build();
            return new TestServer(admin, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for @PgRecordTest", e);
        }
    }

    /** The configuration of a database on this server, with a small pool. */
    PostgresConnectionConfig config(String database) {
        return admin.toBuilder().database(database).poolMinSize(0).poolMaxSize(5).build();
    }

    /** Runs administrative SQL (CREATE DATABASE...) on the admin database, in autocommit. */
    void execute(String... sql) {
        for (String each : sql) {
            adminBackend().dsl().execute(each);
        }
    }

    /** The count that an administrative {@code SELECT count(*)} returns. */
    long count(String sql, Object... binds) {
        Object value = adminBackend().dsl().fetchValue(sql, binds);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private synchronized PostgresBackend adminBackend() {
        PostgresBackend b = adminBackend;
        if (b == null) {
            b = new PostgresBackend(admin.toBuilder().poolMinSize(0).poolMaxSize(2).build()).connect();
            adminBackend = b;
        }
        return b;
    }

    /** The user and server, for messages; never the password. */
    @Override
    public String toString() {
        return admin.username() + "@" + admin.host() + ":" + admin.port();
    }

    /** Closes the admin pool, then stops the embedded server; an external one keeps running. */
    @Override
    public synchronized void close() {
        if (adminBackend != null) {
            adminBackend.close();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
