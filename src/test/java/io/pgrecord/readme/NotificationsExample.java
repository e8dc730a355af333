package io.pgrecord.readme;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.Notification;
import io.pgrecord.PostgresBackend;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import reactor.core.Disposable;

/**
 * The README's "Notifications" block. The blocking half runs in {@link ReadmeExamplesTest}; the
 * reactive half is compiled only, since its LISTEN is confirmed asynchronously and a notify sent
 * at once may come first (NotificationTest waits for the LISTEN on the server's side).
 */
final class NotificationsExample {

    private NotificationsExample() {
    }

    /** Hands {@code handle} what arrived within 10 seconds: the notification, or null. */
    static void blocking(PostgresBackend backend, Consumer<Notification> handle) throws Exception {
        // README: notifications-blocking-begin
        BlockingQueue<Notification> inbox = new LinkedBlockingQueue<>();
        AutoCloseable orders = backend.listen("orders", inbox::add);   // returns once LISTEN is confirmed
        backend.notify("orders", "{\"id\":1}");       // inside a transaction: sent at its commit
        handle.accept(inbox.poll(10, TimeUnit.SECONDS));
        orders.close();                                   // ends this subscription only
        // README: notifications-blocking-end
    }

    static void reactive(AsyncPostgresBackend async, Consumer<Notification> handle) {
        // README: notifications-reactive-begin
        Disposable feed = async.listen("Order Events")    // any text, quoted: matched exactly
                .subscribe(n -> handle.accept(n));         // after a reconnect, one n.missed(): re-read the state
        async.notify("Order Events", "shipped").block();
        feed.dispose();                                   // UNLISTEN once the channel's last subscriber leaves
        // README: notifications-reactive-end
    }
}
