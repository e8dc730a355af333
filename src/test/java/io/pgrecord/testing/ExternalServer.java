package io.pgrecord.testing;

import io.pgrecord.PostgresConnectionConfig;

/** A server the developer runs, named by {@code PGRECORD_TEST_URL} (a superuser's URL). */
record ExternalServer(String host, int port, String user, String password, String adminDatabase) implements PgServer {

    static ExternalServer fromUrl(String url) {
        PostgresConnectionConfig c = PostgresConnectionConfig.fromUrl(url);
        return new ExternalServer(c.host(), c.port(), c.username(), c.password(), c.database());
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
