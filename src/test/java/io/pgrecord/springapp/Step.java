package io.pgrecord.springapp;

import java.util.Locale;

/** One write a scenario makes inside a Spring transaction; each inserts a row whose body is its name. */
enum Step {
    /** A model save. */
    MODEL,
    /** Spring's own client: JdbcTemplate or DatabaseClient. */
    SPRING_CLIENT,
    /** Raw jOOQ on the backend's {@code dsl()}. */
    DSL,
    /** A model save in a pgrecord {@code inTransaction}, which returns normally. */
    NESTED,
    /** A model save in a pgrecord {@code inTransaction} that then throws; the scenario catches it. */
    NESTED_FAILING;

    String body() {
        return name().toLowerCase(Locale.ROOT);
    }

    static final String INSERT = "INSERT INTO spring_notes (body) VALUES (?)";
}
