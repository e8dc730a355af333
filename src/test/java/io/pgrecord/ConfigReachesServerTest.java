package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.error.ConnectionException;
import io.pgrecord.error.QueryCanceledException;
import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every option must reach the server (or the driver) on both backends. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class ConfigReachesServerTest {

    @BothBackends
    void sessionSettingsReachTheServer(Exec exec, TestDatabase db) {
        db.execute("CREATE SCHEMA IF NOT EXISTS app");
        PostgresConnectionConfig config = db.configBuilder()
                .option("application_name", "pgrecord it " + exec)
                .option("search_path", "app, public")
                .option("statement_timeout", 4321)
                .option("lock_timeout", Duration.ofMillis(1234))
                .option("client_encoding", "UTF8")
                .option("connect_timeout", 7)
                .option("sslmode", "disable")
                .option("target_session_attrs", "read-write")
                .build();
        try (AnyBackend backend = AnyBackend.open(exec, config)) {
            assertThat(backend.fetchValue("SHOW application_name")).isEqualTo("pgrecord it " + exec);
            assertThat(backend.fetchValue("SELECT current_setting('search_path')")).isEqualTo("app, public");
            assertThat(backend.fetchValue("SELECT current_schema()")).isEqualTo("app");
            assertThat(backend.fetchValue("SHOW statement_timeout")).isEqualTo("4321ms");
            assertThat(backend.fetchValue("SHOW lock_timeout")).isEqualTo("1234ms");
            assertThat(backend.fetchValue("SHOW client_encoding")).isEqualTo("UTF8");
            assertThat(backend.fetchValue("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).isEqualTo(false);
            assertThat(backend.fetchValue("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?",
                    "pgrecord it " + exec)).isNotEqualTo(0L);
        }
    }

    @BothBackends
    void aValueCannotSmuggleInAnotherSetting(Exec exec, TestDatabase db) {
        PostgresConnectionConfig config = db.configBuilder()
                .option("search_path", "\"x -c statement_timeout=1\", public")
                .build();
        try (AnyBackend backend = AnyBackend.open(exec, config)) {
            assertThat(backend.fetchValue("SHOW statement_timeout")).isEqualTo("0");
            assertThat(backend.fetchValue("SELECT current_setting('search_path')")).isEqualTo("\"x -c statement_timeout=1\", public");
        }
    }

    @BothBackends
    void statementTimeoutFromConfigCancelsAndConnectionStaysUsable(Exec exec, TestDatabase db) {
        PostgresConnectionConfig config = db.configBuilder().option("statement_timeout", 200).poolMaxSize(1).build();
        try (AnyBackend backend = AnyBackend.open(exec, config)) {
            assertThatThrownBy(() -> backend.fetchValue("SELECT pg_sleep(5)"))
                    .isInstanceOf(QueryCanceledException.class)
                    .satisfies(e -> assertThat(((QueryCanceledException) e).sqlState()).isEqualTo("57014"));
            assertThat(backend.fetchValue("SELECT 41 + 1")).isEqualTo(42);
        }
    }

    @BothBackends
    void poolSizeAndTimeoutAreHonoured(Exec exec, TestDatabase db) throws Exception {
        // 2 s, not less: the timeout also bounds making the pool's first connection at connect(),
        // which took longer than 700 ms with two builds running on the 2 cores
        PostgresConnectionConfig config = db.configBuilder().poolMaxSize(1).poolTimeout(Duration.ofSeconds(2)).build();
        try (AnyBackend backend = AnyBackend.open(exec, config)) {
            ExecutorService thread = Executors.newSingleThreadExecutor();
            // held until cancelled below, not for a time the waiting side must beat under load
            String hold = "SELECT pg_sleep(60)";
            Future<Object> holder = thread.submit(() -> backend.fetchValue(hold));
            waitForActiveQuery(db, hold);
            long start = System.nanoTime();
            assertThatThrownBy(() -> backend.fetchValue("SELECT 1"))
                    .isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("poolMaxSize")
                    .satisfies(e -> assertThat(((ConnectionException) e).isRetryable()).isTrue());
            long waitedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(waitedMs).isBetween(1_500L, 10_000L);
            db.execute("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query = '" + hold + "'");
            assertThatThrownBy(() -> holder.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(QueryCanceledException.class);
            thread.shutdown();
            assertThat(backend.fetchValue("SELECT 2")).isEqualTo(2);
        }
    }

    @BothBackends
    void sslRequiredAgainstServerWithoutTlsFailsClearly(Exec exec, TestDatabase db) {
        PostgresConnectionConfig config = db.configBuilder().option("sslmode", "require").build();
        assertThatThrownBy(() -> AnyBackend.open(exec, config).close())
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("SSL");
    }

    @BothBackends
    void standbyTargetAgainstPrimaryIsRefused(Exec exec, TestDatabase db) {
        PostgresConnectionConfig config = db.configBuilder().option("target_session_attrs", "standby").build();
        assertThatThrownBy(() -> AnyBackend.open(exec, config).close())
                .isInstanceOf(ConnectionException.class);
    }

    @BothBackends
    void unreachableServerRaisesRetryableConnectionException(Exec exec, TestDatabase db) throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PostgresConnectionConfig config = db.configBuilder().port(closedPort).option("connect_timeout", 2).build();
        assertThatThrownBy(() -> AnyBackend.open(exec, config).close())
                .isInstanceOf(ConnectionException.class)
                .satisfies(e -> assertThat(((ConnectionException) e).isRetryable()).isTrue())
                .satisfies(e -> assertThat(((ConnectionException) e).sqlState()).startsWith("08"));
    }

    /**
     * A server that accepts the TCP connection and never answers: the connect is bounded (pgjdbc's
     * connectTimeout alone covers only the TCP connect, and held the caller for good), and the
     * reactive pool says the server did not finish connecting rather than that it was exhausted.
     */
    @BothBackends
    void aServerThatNeverAnswersFailsWithinThePoolTimeout(Exec exec, TestDatabase db) throws Exception {
        // never accepted: the kernel completes the handshake into the backlog, and nothing answers the startup
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
            PostgresConnectionConfig config = db.configBuilder().port(silent.getLocalPort()).option("sslmode", "disable")
                    .poolTimeout(java.time.Duration.ofSeconds(3)).build();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(90), () -> {
                Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> AnyBackend.open(exec, config).close());
                assertThat(thrown).isInstanceOf(ConnectionException.class);
                if (exec == Exec.R2DBC) {
                    assertThat(thrown).hasMessageContaining("did not complete the connection's startup")
                            .hasMessageNotContaining("exhausted");
                }
            });
        }
    }

    static void waitForActiveQuery(TestDatabase db, String query) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            Object n = db.queryValue("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = '"
                    + query.replace("'", "''") + "'");
            if (((Number) n).longValue() > 0) {
                return;
            }
            Thread.sleep(30);
        }
        throw new AssertionError("query never became active: " + query + " in " + db.query("SELECT state, query FROM pg_stat_activity"));
    }
}
