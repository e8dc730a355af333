package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pgrecord.error.ConnectionException;
import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/** The server stops and starts again mid-run: the same backend objects recover. */
class ServerRestartTest {

    private static EmbeddedPostgres start(Path dir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
    }

    @BothBackends
    void backendsRecoverAfterARestart(Exec exec) throws Exception {
        Assumptions.assumeTrue(System.getenv("PGRECORD_TEST_URL") == null, "needs embedded servers");
        Path dir = Files.createTempDirectory("pgrecord-restart");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres server = start(dir, port);
        PostgresConnectionConfig config = PostgresConnectionConfig.builder().host("localhost").port(port)
                .database("postgres").username("postgres").poolMaxSize(3).poolTimeout(Duration.ofSeconds(5)).build();
        try (AnyBackend backend = AnyBackend.open(exec, config)) {
            backend.execute("CREATE TABLE IF NOT EXISTS survivors (id int PRIMARY KEY)");
            backend.execute("INSERT INTO survivors VALUES (1)");

            server.close();
            Throwable whileDown = catchThrowable(() -> backend.fetchValue("SELECT count(*) FROM survivors"));
            assertThat(whileDown).isInstanceOf(ConnectionException.class);
            assertThat(((ConnectionException) whileDown).isRetryable()).isTrue();

            server = start(dir, port);
            Object count = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int failedAttempts = 0;
            while (count == null && System.nanoTime() < deadline) {
                try {
                    count = backend.fetchValue("SELECT count(*) FROM survivors");
                } catch (ConnectionException stale) {
                    failedAttempts++;           // a connection from before the restart, now replaced
                    Thread.sleep(100);
                }
            }
            assertThat(count).isEqualTo(1L);
            assertThat(failedAttempts).isLessThanOrEqualTo(3);
            backend.execute("INSERT INTO survivors VALUES (2)");
            assertThat(backend.fetchValue("SELECT count(*) FROM survivors")).isEqualTo(2L);
        } finally {
            server.close();
        }
    }
}
