package io.pgrecord.testing;

import java.util.Map;

/** The one server per test JVM, started on first use and stopped at JVM exit. */
public final class PgServers {

    private static PgServer shared;

    private PgServers() {
    }

    public static synchronized PgServer shared() {
        if (shared == null) {
            shared = start();
            PgServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "pg-server-stop"));
        }
        return shared;
    }

    private static PgServer start() {
        String url = System.getenv("PGRECORD_TEST_URL");
        if (url != null && !url.isBlank()) {
            return ExternalServer.fromUrl(url);
        }
        String provider = System.getProperty("pgrecord.test.provider", "embedded");
        if (provider.equals("testcontainers")) {
            return ContainerServer.start(System.getProperty("pg.version", "18"));
        }
        if (!provider.equals("embedded")) {
            throw new IllegalArgumentException("unknown pgrecord.test.provider '" + provider
                    + "'; allowed values: embedded, testcontainers");
        }
        return EmbeddedServer.start(Map.of(
                "max_connections", "300",
                "max_prepared_transactions", "20",
                "fsync", "off",
                "synchronous_commit", "off",
                "full_page_writes", "off"));
    }
}
