package io.pgrecord.spring;

import io.pgrecord.ActiveRecord;
import io.pgrecord.AsyncActiveRecord;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.r2dbc.spi.ConnectionFactory;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;

/**
 * Spring Boot auto-configuration of pgrecord's backends on the application's own connections.
 * <ul>
 *   <li>With a {@code DataSource} bean (Boot's {@code spring.datasource.*}) and spring-jdbc: a
 *       {@link PostgresBackend} bean, {@code PostgresBackend.of(dataSource)}.</li>
 *   <li>With an R2DBC {@code ConnectionFactory} bean ({@code spring.r2dbc.*}) and spring-r2dbc: an
 *       {@link AsyncPostgresBackend} bean, {@code AsyncPostgresBackend.of(connectionFactory)}.</li>
 * </ul>
 * Each backend takes its connections through Spring's transaction synchronization, so model calls and
 * {@code dsl()} inside {@code @Transactional}, a {@code TransactionTemplate} or a
 * {@code TransactionalOperator} run on Spring's connection and join its transaction; a pgrecord
 * {@code inTransaction} there is a savepoint. The models are configured on the backends: those
 * the property {@code pgrecord.models} lists (class names, comma-separated), or, without it,
 * every model of the backend's kind by default. The context's shutdown closes the backends,
 * never the application's pool. An application bean of either backend type replaces the one
 * made here.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration"})
public class PgRecordAutoConfiguration {

    /** Made by Spring from the auto-configuration imports. */
    public PgRecordAutoConfiguration() {
    }

    /** The blocking backend, on the application's DataSource. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TransactionAwareDataSourceProxy.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class Blocking {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        PostgresBackend postgresBackend(DataSource dataSource, Environment environment) {
            PostgresBackend backend = PostgresBackend.of(new SpringDataSource(dataSource));
            ModelClasses models = ModelClasses.of(environment, getClass().getClassLoader());
            if (!models.listed()) {
                ActiveRecord.configure(backend);
            } else if (models.blocking().length > 0) {
                ActiveRecord.configure(backend, models.blocking());
            }
            return backend;
        }
    }

    /** The reactive backend, on the application's R2DBC ConnectionFactory. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ConnectionFactory.class, ConnectionFactoryUtils.class})
    @ConditionalOnSingleCandidate(ConnectionFactory.class)
    static class Reactive {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        AsyncPostgresBackend asyncPostgresBackend(ConnectionFactory connectionFactory, Environment environment) {
            AsyncPostgresBackend backend = AsyncPostgresBackend.of(new SpringConnectionFactory(connectionFactory));
            ModelClasses models = ModelClasses.of(environment, getClass().getClassLoader());
            if (!models.listed()) {
                AsyncActiveRecord.configure(backend);
            } else if (models.reactive().length > 0) {
                AsyncActiveRecord.configure(backend, models.reactive());
            }
            return backend;
        }
    }
}
