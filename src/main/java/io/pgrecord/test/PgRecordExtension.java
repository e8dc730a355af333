package io.pgrecord.test;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.error.TransactionException;
import io.pgrecord.internal.jdbc.BackendExecutors;
import io.pgrecord.internal.jdbc.JdbcTransactions;
import io.pgrecord.internal.jdbc.WriteIsolation;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link PgRecordTest}; use the annotation rather than this class.
 */
@SuppressWarnings("exports")   // JUnit's types: see module-info, which does not re-export JUnit
public final class PgRecordExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PgRecordExtension.class);
    private static final String DATABASE = "database";
    private static final String TRANSACTION = "transaction";

    /** Creates the extension; JUnit does, for classes annotated {@link PgRecordTest}. */
    public PgRecordExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostgresBackend.class || type == AsyncPostgresBackend.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassDatabase database = database(context);
        return parameter.getParameter().getType() == PostgresBackend.class ? database.blocking() : database.async();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (rollback(context)) {
            JdbcTransactions.TestTx tx = BackendExecutors.of(database(context).blocking()).transactions().beginTest();
            context.getStore(NAMESPACE).put(TRANSACTION, tx);
            // a model write that fails, as the test may expect, does not abort the test's transaction
            WriteIsolation.begin();
        }
    }

    /**
     * Rolls back the test's transaction, with any level the test began and left open; such a
     * level then fails the test: outside the test it would have stayed open, holding its connection.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        JdbcTransactions.TestTx tx = context.getStore(NAMESPACE).remove(TRANSACTION, JdbcTransactions.TestTx.class);
        if (tx != null) {
            WriteIsolation.end();
            int left = tx.rollback();
            if (left > 0) {
                throw new TransactionException("the test left " + left + " transaction(s) open: begin() with no commit() or"
                        + " rollback(); rolled back with the test's transaction, but outside a rolled-back test it would"
                        + " stay open, holding its connection");
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassDatabase database = context.getStore(NAMESPACE).remove(DATABASE, ClassDatabase.class);
        if (database != null) {
            database.close();
        }
    }

    /** The database of the innermost test class around this context, created on first use. */
    private static ClassDatabase database(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(DATABASE,
                key -> ClassDatabase.create(TestServer.shared(), testClass), ClassDatabase.class);
    }

    /** The rollback setting of the nearest {@link PgRecordTest}, on the class or a class enclosing it. */
    private static boolean rollback(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<PgRecordTest> annotation = AnnotationSupport.findAnnotation(c, PgRecordTest.class);
            if (annotation.isPresent()) {
                return annotation.get().rollback();
            }
        }
        return false;
    }
}
