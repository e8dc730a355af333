package io.pgrecord.testing;

/**
 * A PostgreSQL server the tests can create databases on: embedded by default, or an external
 * server ({@code PGRECORD_TEST_URL}), or a Testcontainers one
 * ({@code -Dpgrecord.test.provider=testcontainers}).
 */
public interface PgServer extends AutoCloseable {

    String host();

    int port();

    /** A superuser that may create and drop databases. */
    String user();

    /** Null for trust authentication. */
    String password();

    /** The database to connect to for administration. */
    String adminDatabase();

    @Override
    void close();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }
}
