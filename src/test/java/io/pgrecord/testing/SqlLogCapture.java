package io.pgrecord.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/**
 * Captures what the logger {@code io.pgrecord.sql} logs, at a level the test sets, and keeps it
 * off the console; {@link #close()} restores the logger. One capture at a time in the JVM (the
 * level is global), so a test that needs the log off is not switched on by another class's
 * capture; other classes' statements may still be logged meanwhile, so a test picks its own lines
 * by what they contain.
 */
public final class SqlLogCapture implements AutoCloseable {

    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private final Logger logger = logbackLogger();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level level;
    private final boolean additive;

    private SqlLogCapture(Level captured) {
        ONE_AT_A_TIME.lock();
        this.level = logger.getLevel();
        this.additive = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(captured);
    }

    /**
     * The logback logger; while SLF4J is still starting on another thread it hands out a stand-in,
     * so ask again, with a short backoff, for at most 10 seconds.
     */
    private static Logger logbackLogger() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long backoffMillis = 1;
        while (true) {
            if (LoggerFactory.getLogger("io.pgrecord.sql") instanceof Logger logger) {
                return logger;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("SLF4J did not bind logback within 10 seconds");
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            backoffMillis = Math.min(100, backoffMillis * 2);
        }
    }

    public static SqlLogCapture at(Level level) {
        return new SqlLogCapture(level);
    }

    /** Everything logged so far. */
    public List<ILoggingEvent> all() {
        synchronized (appender) {   // the appender adds under its own lock
            return new ArrayList<>(appender.list);
        }
    }

    /** The lines logged so far whose message contains {@code text}. */
    public List<ILoggingEvent> containing(String text) {
        return all().stream().filter(e -> e.getFormattedMessage().contains(text)).toList();
    }

    /**
     * The lines containing {@code text}, once at least {@code count} of them are logged or 10
     * seconds have passed: a reactive statement's line is logged when the driver ends its
     * results, which may come just after the subscriber has its value.
     */
    public List<ILoggingEvent> awaitContaining(String text, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long backoffMillis = 1;
        List<ILoggingEvent> lines = containing(text);
        while (lines.size() < count && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            backoffMillis = Math.min(100, backoffMillis * 2);
            lines = containing(text);
        }
        return lines;
    }

    @Override
    public void close() {
        logger.setLevel(level);
        logger.setAdditive(additive);
        logger.detachAppender(appender);
        appender.stop();
        ONE_AT_A_TIME.unlock();
    }
}
