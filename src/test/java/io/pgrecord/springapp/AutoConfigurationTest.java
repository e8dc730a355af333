package io.pgrecord.springapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.pgrecord.spring.PgRecordAutoConfiguration;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the auto-configuration makes, when, and what the context's shutdown closes. */
@ExtendWith(PgExtension.class)
class AutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PgRecordAutoConfiguration.class))
            .withPropertyValues("pgrecord.models=" + Probe.class.getName());

    private static HikariDataSource pool(TestDatabase db) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.server().jdbcUrl(db.name()) + "?stringtype=unspecified");
        pool.setUsername(db.server().user());
        pool.setPassword(db.server().password());
        pool.setMaximumPoolSize(2);
        return pool;
    }

    @Test
    void aDataSourceAloneGivesABlockingBackendWhichShutdownClosesLeavingThePoolOpen(TestDatabase db) {
        AtomicReference<PostgresBackend> made = new AtomicReference<>();
        try (HikariDataSource pool = pool(db)) {
            // the application's pool, which the context only borrows: "" means no destroy method
            runner.withBean(DataSource.class, () -> pool, definition -> definition.setDestroyMethodName(""))
                    .run(context -> {
                        assertThat(context).hasSingleBean(PostgresBackend.class).doesNotHaveBean(AsyncPostgresBackend.class);
                        PostgresBackend backend = context.getBean(PostgresBackend.class);
                        assertThat(backend.dsl().fetchValue("SELECT 1", Integer.class)).isEqualTo(1);
                        made.set(backend);
                    });
            assertThat(made.get().isClosed()).isTrue();
            assertThat(pool.isClosed()).isFalse();
        }
    }

    @Test
    void aListedClassThatIsNoModelFailsTheStartNamingIt(TestDatabase db) {
        try (HikariDataSource pool = pool(db)) {
            runner.withBean(DataSource.class, () -> pool, definition -> definition.setDestroyMethodName(""))
                    .withPropertyValues("pgrecord.models=java.lang.String")
                    .run(context -> assertThat(context).hasFailed().getFailure()
                            .rootCause().hasMessageContaining("pgrecord.models: java.lang.String is not a model"));
        }
    }

    @Test
    void noConnectionsGiveNoBackends() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PostgresBackend.class)
                .doesNotHaveBean(AsyncPostgresBackend.class));
    }
}
