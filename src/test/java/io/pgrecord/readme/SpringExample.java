package io.pgrecord.readme;

import io.pgrecord.PostgresBackend;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The README's Spring Boot block: compiled here; the behaviour it shows is run in a Boot
 * application context by io.pgrecord.springapp.SpringTransactionsTest.
 */
class SpringExample {

    private final PostgresBackend backend;
    private final JdbcTemplate jdbc;
    private final TransactionalOperator operator;

    SpringExample(PostgresBackend backend, JdbcTemplate jdbc, TransactionalOperator operator) {
        this.backend = backend;
        this.jdbc = jdbc;
        this.operator = operator;
    }

    // README: spring-begin
    @Transactional                                  // one transaction: Spring's
    public void signUp(String name) {
        User user = new User();
        user.name = name;
        user.save();                                // on Spring's connection
        jdbc.update("INSERT INTO audit (what) VALUES (?)", "sign-up " + name);
        backend.transactionManager().inTransaction(() -> {     // a savepoint in Spring's transaction
            Post hello = new Post();
            hello.userId = user.id;
            hello.title = "Hello";
            hello.save();
        });
    }                                               // an exception anywhere rolls all of it back

    public Mono<Void> rename(long id, String name) {
        return AsyncUser.find.getById(id)
                .flatMap(u -> { u.name = name; return u.save(); })
                .then()
                .as(operator::transactional);       // R2dbcTransactionManager's transaction
    }
    // README: spring-end
}
