package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.testing.AnyBackend;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

@ExtendWith(PgExtension.class)
@Tag("matrix")
class BackendLifecycleTest {

    @Test
    void blockingBackendConnectsOnFirstUse(TestDatabase db) {
        try (PostgresBackend backend = new PostgresBackend(db.config())) {
            assertThat(backend.dsl().fetchValue("SELECT 1")).isEqualTo(1);
            assertThat(backend.serverVersion().major()).isGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void blockingBackendRefusesUseAfterClose(TestDatabase db) {
        PostgresBackend backend = new PostgresBackend(db.config()).connect();
        backend.close();
        backend.close();
        assertThat(backend.isClosed()).isTrue();
        assertThatThrownBy(backend::dsl).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** close() is for good on the reactive backend too: a closed backend that reopened would leak the pool it opened. */
    @Test
    void asyncBackendRefusesUseAfterClose(TestDatabase db) {
        AsyncPostgresBackend backend = new AsyncPostgresBackend(db.config());
        backend.connect().block(Duration.ofSeconds(30));
        backend.close();
        backend.close();
        assertThatThrownBy(() -> backend.connect().block(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessage("backend is closed");
        assertThatThrownBy(backend::dsl).isInstanceOf(IllegalStateException.class).hasMessage("backend is closed");
        assertThatThrownBy(() -> backend.notify("lifecycle", "p").block(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessage("backend is closed");
    }

    @Test
    void asyncBackendNeedsConnectForVersionButNotForDsl(TestDatabase db) {
        AsyncPostgresBackend backend = new AsyncPostgresBackend(db.config());
        try {
            assertThatThrownBy(backend::serverVersion).isInstanceOf(IllegalStateException.class)
                    .hasMessage("call connect() first");
            assertThatThrownBy(backend::capabilities).isInstanceOf(IllegalStateException.class);
            Integer one = Mono.from(backend.dsl().select(DSL.inline(1))).map(r -> r.value1()).block(Duration.ofSeconds(30));
            assertThat(one).isEqualTo(1);
            backend.connect().block(Duration.ofSeconds(30));
            backend.connect().block(Duration.ofSeconds(30));
            assertThat(backend.serverVersion()).isEqualTo(db.blocking().serverVersion());
            backend.disconnect().block(Duration.ofSeconds(30));
            assertThatThrownBy(backend::serverVersion).isInstanceOf(IllegalStateException.class);
            backend.connect().block(Duration.ofSeconds(30));
            assertThat(backend.capabilities().serverVersion()).isEqualTo(backend.serverVersion());
        } finally {
            backend.close();
        }
    }

    @BothBackends
    void statementLogCapturesWhatWasSentAndOnlyWhileStarted(Exec exec, TestDatabase db) {
        AnyBackend backend = AnyBackend.open(exec, db.config());
        try (backend) {
            backend.fetchValue("SELECT 'before'");
            StatementLog log = backend.statementLog();
            log.start();
            assertThat(log.isCapturing()).isTrue();
            backend.fetchValue("SELECT 'one'");
            backend.execute(backend.dsl().query("SELECT ?", 2));
            backend.transaction("SELECT 'inside'");
            assertThat(log.statements()).isNotEmpty();
            List<String> sent = log.stop();
            backend.fetchValue("SELECT 'after'");
            assertThat(sent).anySatisfy(s -> assertThat(s).contains("'one'"));
            assertThat(sent).anySatisfy(s -> assertThat(s).contains("'inside'"));
            assertThat(sent).anySatisfy(s -> assertThat(s).containsAnyOf("select $1", "select ?", "SELECT $1", "SELECT ?"));
            assertThat(sent).noneSatisfy(s -> assertThat(s).containsAnyOf("'before'", "'after'", "server_version_num"));
            assertThat(log.stop()).isEmpty();
        }
    }

    @BothBackends
    void noStatementIsLoggedWhenNothingRuns(Exec exec, TestDatabase db) {
        AnyBackend backend = db.on(exec);
        backend.statementLog().start();
        backend.dsl().selectOne().getSQL();
        assertThat(backend.statementLog().stop()).isEmpty();
    }
}
