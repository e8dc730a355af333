package io.pgrecord.internal.notify;

import io.pgrecord.Notification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Who listens to which channel on one listening connection, shared by both backends. It says
 * when a channel needs LISTEN (its first subscription) or UNLISTEN (its last one leaving), and
 * fans notifications and missed signals out to the subscriptions of their channel. Handlers run
 * outside its lock, on the listener's thread; a failing handler is reported and the others
 * still run. Thread-safe.
 */
public final class Subscriptions {

    private static final System.Logger LOG = System.getLogger("io.pgrecord.notify");

    /** One subscription: its channel, where its signals go, and what ends it when the listener closes. */
    public static final class Entry {
        private final String channel;
        private final Consumer<Notification> handler;
        private final Runnable ended;

        private Entry(String channel, Consumer<Notification> handler, Runnable ended) {
            this.channel = channel;
            this.handler = handler;
            this.ended = ended;
        }

        public String channel() {
            return channel;
        }
    }

    private final Map<String, List<Entry>> byChannel = new LinkedHashMap<>();

    /** A new subscription, not yet added, that nothing needs to end. */
    public static Entry entry(String channel, Consumer<Notification> handler) {
        return new Entry(channel, handler, () -> { });
    }

    /** A new subscription, not yet added; {@code ended} runs when the listener closes. */
    public static Entry entry(String channel, Consumer<Notification> handler, Runnable ended) {
        return new Entry(channel, handler, ended);
    }

    /** Adds it; true when it is its channel's first, which then needs LISTEN. */
    public synchronized boolean add(Entry entry) {
        List<Entry> list = byChannel.computeIfAbsent(entry.channel, c -> new ArrayList<>());
        list.add(entry);
        return list.size() == 1;
    }

    /** Removes it; true when it was its channel's last, which then needs UNLISTEN. Idempotent. */
    public synchronized boolean remove(Entry entry) {
        List<Entry> list = byChannel.get(entry.channel);
        if (list == null || !list.remove(entry)) {
            return false;
        }
        if (list.isEmpty()) {
            byChannel.remove(entry.channel);
            return true;
        }
        return false;
    }

    /** Whether {@code channel} has a subscription, and so needs its LISTEN. */
    public synchronized boolean has(String channel) {
        return byChannel.containsKey(channel);
    }

    /** The channels with at least one subscription, to LISTEN again after a reconnect. */
    public synchronized List<String> channels() {
        return List.copyOf(byChannel.keySet());
    }

    /** Hands a received notification to every subscription of its channel. */
    public void deliver(String channel, @Nullable String payload, int processId) {
        Notification n = new Notification(channel, payload, processId, false);
        for (Entry e : snapshot(channel)) {
            handOver(e, n);
        }
    }

    /** After a reconnect: exactly one missed signal to every subscription, on its own channel. */
    public void missed() {
        List<Entry> all;
        synchronized (this) {
            all = byChannel.values().stream().flatMap(List::stream).toList();
        }
        for (Entry e : all) {
            handOver(e, new Notification(e.channel, null, 0, true));
        }
    }

    /** The listener closed: removes every subscription and ends each. */
    public void endAll() {
        List<Entry> all;
        synchronized (this) {
            all = byChannel.values().stream().flatMap(List::stream).toList();
            byChannel.clear();
        }
        all.forEach(e -> e.ended.run());
    }

    private synchronized List<Entry> snapshot(String channel) {
        List<Entry> list = byChannel.get(channel);
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * Calls one subscription's handler. Whatever it throws, any {@code Error} included, is logged
     * and stays its own: the subscription is kept, and the listening thread and the other
     * subscriptions carry on. Rethrowing would end the listener for every subscription, with no
     * reconnect and no missed signal. A {@code StackOverflowError} is the handler's own recursion;
     * another {@code VirtualMachineError} (out of memory, an internal error) may be the JVM
     * failing, so it is logged as an error, but the listener still carries on: the memory a
     * handler took is free again once it has thrown, and the application decides about the JVM.
     */
    private static void handOver(Entry e, Notification n) {
        try {
            e.handler.accept(n);
        } catch (Throwable failure) {
            boolean jvm = failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
            LOG.log(jvm ? System.Logger.Level.ERROR : System.Logger.Level.WARNING,
                    "a notification handler on channel '" + e.channel + "' failed" + (jvm ? " with a JVM error" : "")
                            + "; its subscription is kept", failure);
        }
    }
}
