package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pgrecord.error.ConnectionException;
import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Certificates;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Passwords stay out of messages, logs and toString(); TLS modes are honoured on both backends. */
@ExtendWith(PgExtension.class)
class SecurityTest {

    private static final String ROLE = "pgrecord_pw";
    private static final String PASSWORD = "Corr3ct-Horse-Battery";
    private static final String WRONG = "Wr0ng-Secret-Value-42";

    private static EmbeddedPostgres tlsServer;
    private static Certificates certificates;

    @BeforeAll
    static void setUp(TestDatabase db) throws Exception {
        Assumptions.assumeTrue(System.getenv("PGRECORD_TEST_URL") == null
                && "embedded".equals(System.getProperty("pgrecord.test.provider", "embedded")),
                "needs the embedded server: the test edits pg_hba.conf and starts a TLS server");
        // the shared embedded server trusts everyone; require a password for one role
        Path hba = Path.of((String) db.queryValue("SHOW hba_file"));
        String rules = "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\nhost all " + ROLE + " ::1/128 scram-sha-256\n";
        String current = Files.readString(hba);
        if (!current.contains(ROLE)) {
            Files.writeString(hba, rules + current);
        }
        db.execute("SET password_encryption = 'scram-sha-256'",       // md5 by default before PostgreSQL 14
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN"
                        + " CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$",
                "GRANT ALL ON DATABASE " + db.name() + " TO " + ROLE,
                "SELECT pg_reload_conf()");

        Path dir = Files.createTempDirectory("pgrecord-tls");
        certificates = Certificates.create(dir);
        tlsServer = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificates.serverCert.toString())
                .setServerConfig("ssl_key_file", certificates.serverKey.toString())
                .start();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (tlsServer != null) {
            tlsServer.close();
        }
    }

    private static PostgresConnectionConfig.Builder tls(String host) {
        return PostgresConnectionConfig.builder().host(host).port(tlsServer.getPort()).database("postgres")
                .username("postgres").poolMaxSize(2);
    }

    private static String everythingAbout(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @BothBackends
    void wrongPasswordFailsWithoutRevealingIt(Exec exec, TestDatabase db) {
        PostgresConnectionConfig wrong = db.configBuilder().username(ROLE).password(WRONG).build();
        assertThat(wrong.toString()).doesNotContain(WRONG);
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        Throwable failure;
        synchronized (SecurityTest.class) {
            System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
            try {
                failure = catchThrowable(() -> AnyBackend.open(exec, wrong).close());
            } finally {
                System.setErr(originalErr);
                System.setOut(originalOut);
            }
        }
        assertThat(failure).isInstanceOf(ConnectionException.class).hasMessageContaining("password authentication failed");
        assertThat(((ConnectionException) failure).sqlState()).isEqualTo("28P01");
        assertThat(((ConnectionException) failure).isRetryable()).isFalse();
        assertThat(everythingAbout(failure)).doesNotContain(WRONG).doesNotContain(PASSWORD);
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(WRONG).doesNotContain(PASSWORD);

        PostgresConnectionConfig right = db.configBuilder().username(ROLE).password(PASSWORD).build();
        try (AnyBackend backend = AnyBackend.open(exec, right)) {
            assertThat(backend.fetchValue("SELECT current_user")).isEqualTo(ROLE);
        }
    }

    @BothBackends
    void verifyFullWithTheCaConnectsOverTls(Exec exec) {
        PostgresConnectionConfig config = tls("localhost").option("sslmode", "verify-full")
                .option("sslrootcert", certificates.rootCert.toString()).build();
        try (AnyBackend backend = AnyBackend.open(exec, config)) {
            assertThat(backend.fetchValue("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).isEqualTo(true);
        }
    }

    @BothBackends
    void verifyFullWithTheWrongHostNameFailsClearly(Exec exec) {
        PostgresConnectionConfig config = tls("127.0.0.1").option("sslmode", "verify-full")
                .option("sslrootcert", certificates.rootCert.toString()).build();
        Throwable failure = catchThrowable(() -> AnyBackend.open(exec, config).close());
        assertThat(failure).isInstanceOf(ConnectionException.class);
        assertThat(everythingAbout(failure).toLowerCase()).containsAnyOf("hostname", "host name", "subject alternative", "127.0.0.1");
    }

    @BothBackends
    void verifyFullWithoutTheCaIsRefused(Exec exec) {
        PostgresConnectionConfig config = tls("localhost").option("sslmode", "verify-full")
                .option("sslrootcert", tlsServerlessRoot()).build();
        assertThat(catchThrowable(() -> AnyBackend.open(exec, config).close())).isInstanceOf(ConnectionException.class);
    }

    /** A CA that did not sign the server's certificate. */
    private static String tlsServerlessRoot() {
        try {
            return Certificates.create(Files.createTempDirectory("pgrecord-other-ca")).rootCert.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
