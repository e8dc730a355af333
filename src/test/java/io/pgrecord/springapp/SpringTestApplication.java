package io.pgrecord.springapp;

import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.PostgresBackend;
import io.r2dbc.spi.ConnectionFactory;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A Spring Boot application as users write one: Boot makes the ConnectionFactory from
 * spring.r2dbc, pgrecord's auto-configuration the backends. Boot makes no DataSource beside a
 * ConnectionFactory, so the application makes its pool itself, from spring.datasource. It has
 * both transaction managers, so each is named.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableTransactionManagement
public class SpringTestApplication {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Environment environment) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
        pool.setUsername(environment.getRequiredProperty("spring.datasource.username"));
        pool.setPassword(environment.getRequiredProperty("spring.datasource.password"));
        pool.setMaximumPoolSize(4);
        // spring.datasource.hikari.auto-commit=false, a common tuning beside Hibernate: Spring's
        // transactions and pgrecord's writes outside them must both still commit
        pool.setAutoCommit(false);
        return pool;
    }

    @Bean
    JdbcTransactionManager jdbcTransactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    R2dbcTransactionManager r2dbcTransactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    BlockingSide blockingSide(PostgresBackend backend, JdbcTemplate jdbc) {
        return new BlockingSide(backend, jdbc);
    }

    @Bean
    ReactiveSide reactiveSide(AsyncPostgresBackend backend, ConnectionFactory connectionFactory,
            R2dbcTransactionManager transactions) {
        return new ReactiveSide(backend, DatabaseClient.create(connectionFactory), TransactionalOperator.create(transactions));
    }
}
