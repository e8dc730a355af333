package io.pgrecord.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.IsolationLevel;
import io.pgrecord.PostgresConnectionConfig;
import io.pgrecord.Transaction;
import io.pgrecord.TransactionManager;
import io.pgrecord.error.TransactionException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension from outside: whole test classes run through the JUnit launcher, to see what
 * happens to them and to their database. The classes below only run when launched here.
 */
@PgRecordTest
class PgRecordExtensionTest {

    private static volatile boolean launched;

    @Test
    void aCleanClassPassesGetsTheSameBackendsEverywhereAndItsBackendsAndDatabaseGo() {
        TestExecutionSummary summary = launch(Clean.class);
        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(Objects.requireNonNull(Clean.injected).isClosed()).isTrue();
        assertThat(Clean.database).isNotNull();
        assertThat(TestServer.shared().count("SELECT count(*) FROM pg_database WHERE datname = ?", Clean.database)).isZero();
    }

    @Test
    void aClassThatLeavesAConnectionLentOutFailsNamingIt() {
        TestExecutionSummary summary = launch(LeavesATransactionOpen.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(f -> assertThat(f.getException())
                .hasMessageContaining(LeavesATransactionOpen.class.getName() + " leaked connections: 1 still lent out"));
    }

    @Test
    void aClassThatLeavesABackendOpenFailsNamingIt() {
        try {
            TestExecutionSummary summary = launch(LeavesABackendOpen.class);
            assertThat(summary.getFailures()).singleElement().satisfies(f -> assertThat(f.getException())
                    .hasMessageContaining("0 still lent out").hasMessageContaining("1 other session(s) still open"));
        } finally {
            Objects.requireNonNull(LeavesABackendOpen.leaked).close();
        }
    }

    @Test
    void aTestThatLeavesALevelOpenFailsSayingSoAndTheNextStartsClean() {
        TestExecutionSummary summary = launch(LeavesALevelOpen.class);
        assertThat(summary.getTestsSucceededCount()).as("the next test, and no leak at the class's end").isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(f -> {
            assertThat(f.getTestIdentifier().getDisplayName()).startsWith("beginsTwoLevelsAndForgetsThem");
            assertThat(f.getException()).isInstanceOf(TransactionException.class)
                    .hasMessageContaining("the test left 2 transaction(s) open");
        });
    }

    @Test
    void aRolledBackTestsTransactionIsNotTheCodesToEnd() {
        TestExecutionSummary summary = launch(EndsTransactionsItDidNotBegin.class);
        assertThat(summary.getFailures()).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    }

    @Test
    void theEmbeddedServerIsTheVersionTheBuildChose(PostgresBackend backend) {
        String expected = System.getProperty("pgrecord.expected.major");
        assumeTrue(expected != null && System.getenv(TestServer.URL_VARIABLE) == null, "no version chosen by the build");
        assertThat(backend.serverVersion().major()).isEqualTo(Integer.parseInt(expected));
    }

    @Test
    void aServerNamedByUrlGetsADatabasePerClassToo(PostgresBackend backend) {
        PostgresConnectionConfig shared = backend.config();
        try (TestServer external = TestServer.external("postgresql://" + shared.username() + "@" + shared.host() + ":"
                + shared.port() + "/postgres")) {
            ClassDatabase database = ClassDatabase.create(external, PgRecordExtensionTest.class);
            String name = (String) database.blocking().dsl().fetchValue("SELECT current_database()");
            assertThat(name).startsWith("pgrecord_pgrecordextensiontest_").isNotEqualTo(shared.database());
            database.close();
            assertThat(external.count("SELECT count(*) FROM pg_database WHERE datname = ?", name)).isZero();
        }
    }

    @Test
    void aUserWhoMayNotCreateDatabasesGetsAnErrorSayingSo(PostgresBackend backend) {
        PostgresConnectionConfig shared = backend.config();
        backend.dsl().execute("CREATE ROLE pgrecord_no_createdb LOGIN");
        try (TestServer external = TestServer.external("postgresql://pgrecord_no_createdb@" + shared.host() + ":"
                + shared.port() + "/postgres")) {
            assertThatThrownBy(() -> ClassDatabase.create(external, PgRecordExtensionTest.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("could not create the database pgrecord_pgrecordextensiontest_")
                    .hasMessageContaining("pgrecord_no_createdb@")
                    .hasMessageContaining("needs the CREATEDB privilege");
        } finally {
            backend.dsl().execute("DROP ROLE pgrecord_no_createdb");
        }
    }

    @Test
    void statementsDuringRefusesToNestAndStopsWhenTheWorkFails(PostgresBackend backend, AsyncPostgresBackend async) {
        assertThatThrownBy(() -> Statements.during(backend, () -> Statements.during(backend, () -> { })))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot nest");
        IllegalStateException failure = new IllegalStateException("work failed");
        assertThatThrownBy(() -> Statements.during(backend, () -> {
            backend.dsl().fetchValue("SELECT 1");
            throw failure;
        })).isSameAs(failure);
        assertThat(backend.statementLog().isCapturing()).isFalse();
        // a checked exception thrown sneakily (Lombok's @SneakyThrows, Kotlin) stops it too
        java.io.IOException checked = new java.io.IOException("checked");
        assertThatThrownBy(() -> Statements.during(backend, () -> sneakyThrow(checked))).isSameAs(checked);
        assertThat(backend.statementLog().isCapturing()).isFalse();
        assertThat(Statements.during(async, () -> async.dsl().selectOne())).singleElement().asString().containsIgnoringCase("select 1");
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    private static TestExecutionSummary launch(Class<?> testClass) {
        launched = true;
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    @PgRecordTest(rollback = true)
    static class Clean {
        static @Nullable String database;
        static @Nullable PostgresBackend injected;
        private @Nullable PostgresBackend beforeEach;

        @BeforeEach
        void before(PostgresBackend backend) {
            beforeEach = backend;
        }

        @Test
        void sameBackendsInLifecycleMethodsAndTests(PostgresBackend backend, AsyncPostgresBackend async) {
            assumeTrue(launched);
            assertThat(backend).isSameAs(beforeEach);
            // the test's transaction is the test's: the code under test sees none of its own
            assertThat(backend.transactionManager().isActive()).isFalse();
            assertThat(async.config().database()).isEqualTo(backend.config().database());
            database = backend.config().database();
            injected = backend;
        }
    }

    @PgRecordTest(rollback = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeavesALevelOpen {
        @Test
        @Order(1)
        void beginsTwoLevelsAndForgetsThem(PostgresBackend backend) {
            assumeTrue(launched);
            backend.dsl().execute("CREATE TABLE left_open (x int)");
            backend.transactionManager().begin();
            backend.dsl().execute("INSERT INTO left_open VALUES (1)");
            backend.transactionManager().begin();
        }

        @Test
        @Order(2)
        void theNextTestStartsOutsideThemWithNothingOfTheirs(PostgresBackend backend) {
            assumeTrue(launched);
            assertThat(backend.transactionManager().isActive()).isFalse();
            assertThat(backend.dsl().fetchValue("SELECT count(*) FROM pg_tables WHERE tablename = 'left_open'")).isEqualTo(0L);
            // one transaction on the thread, the test's: a begin is its first level, and ending it leaves none
            try (Transaction tx = backend.transactionManager().begin()) {
                assertThat(tx.isNested()).isTrue();
                tx.commit();
            }
            assertThat(backend.transactionManager().isActive()).isFalse();
        }
    }

    @PgRecordTest(rollback = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class EndsTransactionsItDidNotBegin {
        @BeforeAll
        static void table(PostgresBackend backend) {
            assumeTrue(launched);
            backend.dsl().execute("CREATE TABLE not_its_own (x int)");
        }

        @Test
        @Order(1)
        void commitAndRollbackWithNoLevelOfItsOwnFailAsInProduction(PostgresBackend backend) {
            TransactionManager tm = backend.transactionManager();
            backend.dsl().execute("INSERT INTO not_its_own VALUES (1)");
            assertThat(tm.isActive()).isFalse();
            assertThatThrownBy(tm::commit).isInstanceOf(TransactionException.class).hasMessage("no transaction to commit on this thread");
            assertThatThrownBy(tm::rollback).isInstanceOf(TransactionException.class)
                    .hasMessage("no transaction to roll back on this thread");
            assertThatThrownBy(tm::savepoint).isInstanceOf(TransactionException.class).hasMessageContaining("outside a transaction");
            assertThatThrownBy(() -> tm.prepare("not_its_own")).isInstanceOf(TransactionException.class)
                    .hasMessageContaining("outside a transaction");
            // what the code does begin, it ends: levels in the test's transaction
            tm.inTransaction(() -> backend.dsl().execute("INSERT INTO not_its_own VALUES (2)"));
            try (Transaction tx = tm.begin()) {
                assertThat(tm.isActive()).isTrue();
                backend.dsl().execute("INSERT INTO not_its_own VALUES (3)");
                assertThatThrownBy(() -> tx.prepare("not_its_own")).isInstanceOf(TransactionException.class)
                        .hasMessageContaining("rollback = true");
                tm.commit();
            }
            backend.dsl().transaction(c -> c.dsl().execute("INSERT INTO not_its_own VALUES (4)"));
            assertThat(tm.isActive()).isFalse();
            assertThat(backend.dsl().fetchValue("SELECT count(*) FROM not_its_own")).isEqualTo(4L);
            // the code may set the manager's defaults, as with no transaction open; they are put back after the test
            tm.setIsolationLevel(IsolationLevel.SERIALIZABLE);
            tm.setReadOnly(true);
            assertThat(tm.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
        }

        @Test
        @Order(2)
        void itsWritesAndDefaultsAreGone(PostgresBackend backend) {
            assertThat(backend.transactionManager().isolationLevel()).isNull();
            assertThat(backend.dsl().fetchValue("SHOW transaction_read_only")).isEqualTo("off");
            assertThat(backend.dsl().fetchValue("SELECT count(*) FROM not_its_own")).isEqualTo(0L);
            backend.dsl().execute("INSERT INTO not_its_own VALUES (5)");
        }
    }

    @PgRecordTest
    static class LeavesATransactionOpen {
        @Test
        void beginsAndNeverEnds(PostgresBackend backend) {
            assumeTrue(launched);
            backend.transactionManager().begin();
        }
    }

    @PgRecordTest
    static class LeavesABackendOpen {
        static @Nullable PostgresBackend leaked;

        @Test
        void opensABackendAndNeverClosesIt(PostgresBackend backend) {
            assumeTrue(launched);
            leaked = new PostgresBackend(backend.config()).connect();
            assertThat(leaked.dsl().fetchValue("SELECT 1")).isEqualTo(1);
        }
    }
}
