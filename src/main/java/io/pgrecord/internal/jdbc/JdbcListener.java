package io.pgrecord.internal.jdbc;

import io.pgrecord.Notification;
import io.pgrecord.internal.notify.Channels;
import io.pgrecord.internal.notify.Reconnects;
import io.pgrecord.internal.notify.Subscriptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The blocking backend's LISTEN side: one dedicated connection for every channel, opened at the
 * first {@link #listen}, and a daemon thread that waits on it for notifications and hands them
 * to the {@link Subscriptions}. When the connection is lost the thread opens another, with
 * {@link Reconnects}' backoff, LISTENs again and sends each subscription its missed signal.
 * Closed with the backend. Thread-safe.
 */
public final class JdbcListener implements AutoCloseable {

    /** How long one wait for notifications blocks the connection before LISTEN/UNLISTEN may use it. */
    private static final int POLL_MILLIS = 100;
    private static final long STOP_MILLIS = 5000;
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger("io.pgrecord.notify");

    private final Supplier<Connection> opener;
    private final Subscriptions subscriptions = new Subscriptions();
    private final CountDownLatch closing = new CountDownLatch(1);
    /** Guards the fields below and keeps statements on the connection one at a time. */
    private final Object lock = new Object();
    private Connection connection;
    private Thread thread;
    private boolean closed;

    /** @param opener a pgjdbc connection of the listener's own, outside the pool's budget */
    public JdbcListener(Supplier<Connection> opener) {
        this.opener = opener;
    }

    /** Subscribes once the server has confirmed the channel's LISTEN; closing ends only this subscription. */
    public AutoCloseable listen(String channel, Consumer<Notification> handler) {
        Channels.check(channel);
        Objects.requireNonNull(handler, "handler");
        Subscriptions.Entry entry = Subscriptions.entry(channel, handler);
        synchronized (lock) {
            Connection c = open();
            if (subscriptions.add(entry)) {
                try {
                    execute(c, Channels.listenSql(channel));
                } catch (RuntimeException e) {
                    subscriptions.remove(entry);
                    throw e;
                }
            }
        }
        return () -> unsubscribe(entry);
    }

    private void unsubscribe(Subscriptions.Entry entry) {
        synchronized (lock) {
            if (subscriptions.remove(entry) && !closed && connection != null) {
                try {
                    execute(connection, Channels.unlistenSql(entry.channel()));
                } catch (RuntimeException lost) {
                    // the connection is gone, and its LISTEN with it; the reconnect skips this channel
                }
            }
        }
    }

    /** The live connection; the first call opens it and starts the thread. Under the lock. */
    private Connection open() {
        if (closed) {
            throw new IllegalStateException("backend is closed");
        }
        if (connection == null) {
            connection = opener.get();
            thread = new Thread(this::run, "pgrecord-listener-" + IDS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
        return connection;
    }

    private void run() {
        while (true) {
            Connection c;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                c = connection;
            }
            try {
                PGNotification[] received = c.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                for (PGNotification n : received) {
                    subscriptions.deliver(n.getName(), n.getParameter(), n.getPID());
                }
            } catch (SQLException lost) {
                if (!reconnect(c)) {
                    return;
                }
            } catch (RuntimeException | Error unexpected) {
                // the listener's own failure (handlers' stay theirs), out of memory say: notifications
                // may be lost, so start afresh as after a lost connection, with the missed signals,
                // rather than let the thread die and every subscription with it
                LOG.log(System.Logger.Level.ERROR, "the notification listener failed; it reconnects", unexpected);
                if (!reconnect(c)) {
                    return;
                }
            }
        }
    }

    /** Replaces the lost connection and LISTENs again, retrying with backoff; false once closed. */
    private boolean reconnect(Connection lost) {
        quietlyClose(lost);
        for (int attempt = 1; ; attempt++) {
            try {
                if (closing.await(Reconnects.delay(attempt).toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            Connection fresh = null;
            try {
                fresh = opener.get();
                synchronized (lock) {
                    if (closed) {
                        quietlyClose(fresh);
                        return false;
                    }
                    for (String channel : subscriptions.channels()) {
                        execute(fresh, Channels.listenSql(channel));
                    }
                    connection = fresh;
                }
                subscriptions.missed();
                return true;
            } catch (RuntimeException | Error stillDown) {
                if (fresh != null) {
                    quietlyClose(fresh);
                }
            }
        }
    }

    private static void execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw JdbcErrors.translate(e);
        }
    }

    /** Forgets every channel (the connection may go back to an application's pool), then closes it. */
    private static void quietlyClose(Connection c) {
        try {
            if (!c.isClosed()) {
                execute(c, Channels.UNLISTEN_ALL);
            }
        } catch (SQLException | RuntimeException gone) {
            // a lost connection listens to nothing any more
        }
        try {
            c.close();
        } catch (SQLException gone) {
            // nothing left to release
        }
    }

    /** Stops the thread and closes the connection. Idempotent. */
    @Override
    public void close() {
        Thread t;
        Connection c;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closing.countDown();
            t = thread;
            c = connection;
            connection = null;
        }
        if (c != null) {
            quietlyClose(c);
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
