package io.pgrecord.observe;

import static io.pgrecord.testing.ModelOps.get;
import static io.pgrecord.testing.ModelOps.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.pgrecord.Model;
import io.pgrecord.error.UniqueViolationException;
import io.pgrecord.models.LogProbe;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.OwnBackend;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.SqlLogCapture;
import io.pgrecord.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SQL log, logger io.pgrecord.sql: DEBUG lines, TRACE binds with masking, slow WARN, nothing at INFO. */
@ExtendWith(PgExtension.class)
class SqlLogTest {

    /** A line: the duration in milliseconds, then the rows, then the SQL. */
    private static final Pattern LINE = Pattern.compile("\\d+\\.\\d{3} ms, (\\d+ rows?|done|failed \\(\\w+\\)): .+");

    @BeforeAll
    static void schema(TestDatabase db) {
        db.execute(LogProbe.DDL);
    }

    @BothBackends
    void debugLogsEachStatementOnceWithItsDurationAndRows(Exec exec, TestDatabase db) {
        String name = "debug-" + exec;
        try (OwnBackend b = OwnBackend.open(exec, db.config()); SqlLogCapture log = SqlLogCapture.at(Level.DEBUG)) {
            ModelOps ops = b.ops();
            b.any().statementLog().start();
            Model probe = ops.insert("LogProbe", "name", name, "secret", "s3cret-" + exec);
            ops.getById("LogProbe", get(probe, "id"));
            ops.all(ops.query("LogProbe").where("name = ?", name));
            b.any().fetchValue("SELECT count(*) FROM log_probes WHERE name = ?", name);
            assertThatThrownBy(() -> ops.insert("LogProbe", "name", name)).isInstanceOf(UniqueViolationException.class);
            List<String> sent = b.any().statementLog().stop();

            List<ILoggingEvent> lines = log.awaitContaining("log_probes", sent.size());
            assertThat(sent).hasSize(5);
            assertThat(lines).hasSize(sent.size());
            for (int i = 0; i < sent.size(); i++) {
                String message = lines.get(i).getFormattedMessage();
                assertThat(lines.get(i).getLevel()).isEqualTo(Level.DEBUG);
                assertThat(message).matches(LINE).endsWith(": " + sent.get(i)).doesNotContain("binds");
            }
            assertThat(lines.get(0).getFormattedMessage()).contains(" ms, 1 row: ");
            assertThat(lines.get(1).getFormattedMessage()).contains(" ms, 1 row: ");
            assertThat(lines.get(2).getFormattedMessage()).contains(" ms, 1 row: ");
            assertThat(lines.get(4).getFormattedMessage()).contains(" ms, failed (UniqueViolationException): ");
            assertThat(log.all()).noneMatch(e -> e.getFormattedMessage().contains("s3cret"));
        }
    }

    @BothBackends
    void nothingIsLoggedAtInfo(Exec exec, TestDatabase db) {
        String name = "info-" + exec;
        try (OwnBackend b = OwnBackend.open(exec, db.config()); SqlLogCapture log = SqlLogCapture.at(Level.INFO)) {
            ModelOps ops = b.ops();
            Model probe = ops.insert("LogProbe", "name", name);
            ops.getById("LogProbe", get(probe, "id"));
            b.any().fetchValue("SELECT count(*) FROM log_probes");
            assertThatThrownBy(() -> ops.insert("LogProbe", "name", name)).isInstanceOf(UniqueViolationException.class);

            assertThat(log.containing("log_probes")).isEmpty();
            assertThat(log.all()).allMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        }
    }

    @BothBackends
    void slowStatementsAreLoggedAtWarnWithDebugOff(Exec exec, TestDatabase db) {
        try (OwnBackend b = OwnBackend.open(exec, db.configBuilder().slowStatementThreshold(Duration.ofSeconds(1)).build());
                SqlLogCapture log = SqlLogCapture.at(Level.WARN)) {
            b.any().fetchValue("SELECT 'fast-" + exec + "'");
            b.any().fetchValue("SELECT 'slow-" + exec + "', pg_sleep(1.1)");

            List<ILoggingEvent> slow = log.awaitContaining("slow-" + exec, 1);
            assertThat(log.containing("fast-" + exec)).isEmpty();
            assertThat(slow).hasSize(1);
            assertThat(slow.get(0).getLevel()).isEqualTo(Level.WARN);
            assertThat(slow.get(0).getFormattedMessage())
                    .startsWith("slow statement, over 1000.000 ms: ")
                    .contains(" ms, 1 row: SELECT 'slow-" + exec + "', pg_sleep(1.1)");
        }
    }

    @BothBackends
    void traceAddsBindsAndMasksSensitiveOnes(Exec exec, TestDatabase db) {
        String name = "trace-" + exec;
        try (OwnBackend b = OwnBackend.open(exec, db.configBuilder().sensitiveColumns("pin").build());
                SqlLogCapture log = SqlLogCapture.at(Level.TRACE)) {
            ModelOps ops = b.ops();
            Model probe = ops.insert("LogProbe", "name", name, "secret", "hunter2-" + exec, "pin", "4711-" + exec);
            set(probe, "secret", "hunter3-" + exec);
            ops.save(probe);
            ops.all(ops.query("LogProbe").where("secret = ?", "hunter3-" + exec).where("name = ?", name));
            b.any().fetchValue("SELECT count(*) FROM log_probes WHERE pin = ? AND name = ?", "4711-" + exec, name);

            List<ILoggingEvent> events = log.awaitContaining("log_probes", 4);
            assertThat(events).extracting(ILoggingEvent::getLevel).containsOnly(Level.TRACE);
            List<String> lines = events.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).hasSize(4).allMatch(l -> l.contains(" -- binds: ["));
            assertThat(String.join("\n", lines)).doesNotContain("hunter").doesNotContain("4711");
            // the insert: name shown, secret and pin masked
            assertThat(lines.get(0)).contains("'" + name + "'").contains("***");
            // the update: the new secret masked, the id shown
            assertThat(lines.get(1)).contains("[***, " + get(probe, "id") + "]");
            assertThat(lines.get(2)).contains("***").contains("'" + name + "'");
            assertThat(lines.get(3)).endsWith(" -- binds: [***, '" + name + "']");
        }
    }
}
