package io.pgrecord.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what the logger {@code io.pgrecord.sql} logs, at a level the test sets, and keeps it
 * off the console; {@link #close()} restores the logger. Other test classes may run at the same
 * time, so a test picks its own lines by what they contain.
 */
public final class SqlLogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.pgrecord.sql");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level level;
    private final boolean additive;

    private SqlLogCapture(Level captured) {
        this.level = logger.getLevel();
        this.additive = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(captured);
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

    @Override
    public void close() {
        logger.setLevel(level);
        logger.setAdditive(additive);
        logger.detachAppender(appender);
        appender.stop();
    }
}
