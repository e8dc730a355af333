package io.pgrecord.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own database on the shared server. Inject {@link TestDatabase}
 * into a test or lifecycle method; the database and its backends close after the class.
 * {@snippet :
 * @ExtendWith(PgExtension.class)
 * class SomeTest {
 *     @BothBackends
 *     void works(Exec exec, TestDatabase db) {
 *         assertThat(db.on(exec).fetchValue("select 1")).isEqualTo(1);
 *     }
 * }
 * }
 */
public final class PgExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PgExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    private static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        String owner = classContext.getRequiredTestClass().getSimpleName();
        return classContext.getStore(NS).getOrComputeIfAbsent("db", k -> new Resource(TestDatabase.create(owner)), Resource.class).db;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return database(extensionContext);
    }

    private record Resource(TestDatabase db) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }
}
