package io.pgrecord.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.pgrecord.PostgresBackend;
import io.pgrecord.PostgresConnectionConfig;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * The demo's SQL log section: the logger {@code io.pgrecord.sql} raised to DEBUG, then TRACE,
 * for a few statements, printed to standard output. An application does the same in its
 * logback.xml: {@code <logger name="io.pgrecord.sql" level="DEBUG"/>}.
 */
final class SqlLogTour {

    private SqlLogTour() {
    }

    static void show(PostgresConnectionConfig config) {
        System.out.println("\n-- the SQL log (logger io.pgrecord.sql)");
        if (!(LoggerFactory.getLogger("io.pgrecord.sql") instanceof Logger sqlLog)) {
            System.out.println("no logback binding: nothing to show");
            return;
        }
        ConsoleAppender<ILoggingEvent> console = console(sqlLog.getLoggerContext());
        sqlLog.addAppender(console);
        sqlLog.setAdditive(false);
        PostgresConnectionConfig logged = config.toBuilder()
                .slowStatementThreshold(Duration.ofMillis(200))
                .sensitiveColumns("email")
                .build();
        try (PostgresBackend backend = new PostgresBackend(logged).connect()) {
            System.out.println("at DEBUG: each statement with its duration and rows");
            sqlLog.setLevel(Level.DEBUG);
            User ann = new User();
            ann.name = "Ann (logged)";
            ann.email = "ann.logged@example.com";
            ann.using(backend).save();
            User.find.using(backend).getById(ann.id);

            System.out.println("at TRACE: with the binds; email is listed in sensitiveColumns, so it shows as ***");
            sqlLog.setLevel(Level.TRACE);
            User.find.using(backend).query().where("email = ?", ann.email).where("score > ?", 5).all();

            System.out.println("at WARN: only statements over slowStatementThreshold (200 ms here)");
            sqlLog.setLevel(Level.WARN);
            User.find.using(backend).count();
            backend.dsl().fetchValue("SELECT pg_sleep(0.3)");
            ann.using(backend).delete();
        } finally {
            sqlLog.setLevel(null);
            sqlLog.setAdditive(true);
            sqlLog.detachAppender(console);
            console.stop();
        }
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("  %-5level %logger - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setEncoder(encoder);
        console.start();
        return console;
    }
}
