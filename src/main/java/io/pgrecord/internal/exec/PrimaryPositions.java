package io.pgrecord.internal.exec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The primary's WAL positions as the backend saw them, with when: enough history to tell
 * whether a replica has replayed the position the primary had {@code maxLag} ago. Thread-safe.
 */
final class PrimaryPositions {

    private final long maxLagNanos;
    /** Samples closer together than this add nothing: it bounds the history however busy the primary. */
    private final long spacing;
    /** Oldest first; the first one at or before {@code now - maxLag} is the one that counts. */
    private final Deque<long[]> seen = new ArrayDeque<>();
    private volatile long lastSampled;

    PrimaryPositions(long maxLagNanos) {
        this.maxLagNanos = maxLagNanos;
        this.spacing = maxLagNanos / 32;
    }

    synchronized void add(long at, long lsn) {
        lastSampled = at;
        long[] newest = seen.peekLast();
        if (newest != null && at - newest[0] < spacing) {
            // dropping it can only make a replica look a spacing less behind, never more
            return;
        }
        seen.addLast(new long[] {at, lsn});
        // keep one sample older than maxLag, and at most a few hundred in all
        while (seen.size() > 1 && (at - secondOldest()[0] >= maxLagNanos || seen.size() > 256)) {
            seen.removeFirst();
        }
    }

    private long[] secondOldest() {
        Iterator<long[]> it = seen.iterator();
        it.next();
        return it.next();
    }

    boolean sampledSince(long at) {
        return lastSampled != 0 && lastSampled - at >= 0;
    }

    /** Whether {@code replay} is behind a position the primary already had {@code maxLag} before {@code now}. */
    synchronized boolean lagging(long replay, long now) {
        long due = Lsn.NONE;
        for (long[] s : seen) {
            if (now - s[0] < maxLagNanos) {
                break;
            }
            due = s[1];
        }
        return !Lsn.reached(replay, due);
    }
}
