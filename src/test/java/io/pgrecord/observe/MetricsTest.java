package io.pgrecord.observe;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.pgrecord.Model;
import io.pgrecord.error.SqlSyntaxException;
import io.pgrecord.error.UniqueViolationException;
import io.pgrecord.models.AsyncUser;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.OwnBackend;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Micrometer: the statement timer, the pool gauges and the observations, on both backends. */
@ExtendWith(PgExtension.class)
class MetricsTest {

    private static final Set<String> OPERATIONS = Set.of("select", "insert", "update", "delete", "copy", "ddl",
            "transaction", "other");

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);   // not SqlLogTest's table: that test picks its log lines by table name
    }

    @BothBackends
    void theStatementTimerCountsByModelOperationAndOutcome(Exec exec, TestDatabase db) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        String name = "timer-" + exec;
        try (OwnBackend b = OwnBackend.open(exec, db.configBuilder().meterRegistry(meters).build())) {
            ModelOps ops = b.ops();
            Model user = ops.insert("User", "name", name, "email", name + "@example.com");
            ops.getById("User", get(user, "id"));
            ops.all(ops.query("User").where("name = ?", name));
            assertThatThrownBy(() -> ops.insert("User", "name", name, "email", name + "@example.com"))
                    .isInstanceOf(UniqueViolationException.class);
            assertThatThrownBy(() -> b.any().fetchValue("SELEC 1")).isInstanceOf(SqlSyntaxException.class);

            assertThat(timer(meters, "users", "insert", "success").count()).isEqualTo(1);
            assertThat(timer(meters, "users", "select", "success").count()).isEqualTo(2);
            assertThat(timer(meters, "users", "insert", "error").count()).isEqualTo(1);
            assertThat(timer(meters, "none", "other", "error").count()).isEqualTo(1);
            assertThat(timer(meters, "users", "insert", "success").totalTime(TimeUnit.NANOSECONDS))
                    .isPositive();
            // bounded tags: a table name and a fixed set of operations and outcomes, never SQL
            for (Meter m : meters.find("pgrecord.statement").meters()) {
                assertThat(m.getId().getTags()).extracting(Tag::getKey).containsExactlyInAnyOrder("model", "operation", "outcome");
                assertThat(m.getId().getTag("operation")).isIn(OPERATIONS);
                assertThat(m.getId().getTag("outcome")).isIn("success", "error");
                assertThat(m.getId().getTag("model")).matches("[a-z_][a-z0-9_$]*");
            }
        }
    }

    @BothBackends
    void thePoolHasGauges(Exec exec, TestDatabase db) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (OwnBackend b = OwnBackend.open(exec, db.configBuilder().meterRegistry(meters).poolMaxSize(3).build())) {
            b.any().fetchValue("SELECT 1");
            if (exec == Exec.JDBC) {
                assertThat(gauge(meters, "hikaricp.connections.max").value()).isEqualTo(3);
                assertThat(meters.find("hikaricp.connections.active").gauge()).isNotNull();
                assertThat(gauge(meters, "hikaricp.connections").value()).isGreaterThanOrEqualTo(1);
            } else {
                assertThat(gauge(meters, "r2dbc.pool.max.allocated").value()).isEqualTo(3);
                assertThat(meters.find("r2dbc.pool.acquired").gauge()).isNotNull();
                assertThat(gauge(meters, "r2dbc.pool.allocated").value()).isGreaterThanOrEqualTo(1);
            }
        }
        // a closed pool leaves no gauges behind, so a backend that reconnects keeps one set
        assertThat(meters.find(exec == Exec.JDBC ? "hikaricp.connections.max" : "r2dbc.pool.max.allocated").gauges()).isEmpty();
    }

    @BothBackends
    void statementsAndTransactionsAreObserved(Exec exec, TestDatabase db) {
        TestObservationRegistry observations = TestObservationRegistry.create();
        String name = "observed-" + exec;
        try (OwnBackend b = OwnBackend.open(exec, db.configBuilder().observationRegistry(observations).build())) {
            b.inTransaction(() -> b.ops().insert("User", "name", name, "email", name + "@example.com"),
                    () -> b.ops().<AsyncUser>create("User", "name", name, "email", name + "@example.com").save());

            TestObservationRegistryAssert.assertThat(observations)
                    .hasObservationWithNameEqualTo("pgrecord.transaction").that()
                    .hasBeenStarted().hasBeenStopped()
                    .hasLowCardinalityKeyValue("outcome", "commit");
            TestObservationRegistryAssert.assertThat(observations)
                    .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
                            .filteredOn(c -> c.getName().equals("pgrecord.statement")
                                    && "insert".equals(c.getLowCardinalityKeyValue("operation").getValue()))
                            .singleElement()
                            .satisfies(c -> {
                                assertThat(c.getLowCardinalityKeyValue("model").getValue()).isEqualTo("users");
                                assertThat(c.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
                            }));
            TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyRemainingCurrentObservation();
        }
        // BEGIN, the insert and COMMIT (after the model's one-time look-up of its version default):
        // each started, and stopped with its outcome
        TestObservationRegistryAssert.assertThat(observations)
                .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts.stream()
                        .filter(c -> c.getName().equals("pgrecord.statement"))
                        .map(c -> c.getLowCardinalityKeyValue("operation").getValue()))
                        .containsSubsequence("transaction", "insert", "transaction"))
                .hasObservationWithNameEqualTo("pgrecord.statement").that().hasBeenStarted().hasBeenStopped();
        TestObservationRegistryAssert.assertThat(observations).forAllObservationsWithNameEqualTo("pgrecord.statement",
                o -> o.hasLowCardinalityKeyValue("outcome", "success"));
    }

    private static Timer timer(SimpleMeterRegistry meters, String model, String operation, String outcome) {
        Timer t = meters.find("pgrecord.statement").tags("model", model, "operation", operation, "outcome", outcome).timer();
        assertThat(t).as("timer %s %s %s", model, operation, outcome).isNotNull();
        return t;
    }

    private static Gauge gauge(SimpleMeterRegistry meters, String name) {
        Gauge g = meters.find(name).gauge();
        assertThat(g).as("gauge %s", name).isNotNull();
        return g;
    }
}
