package io.pgrecord.internal.tx;

import io.pgrecord.error.TransactionException;
import java.util.ArrayList;
import java.util.List;

/**
 * The nesting of one open transaction: the levels opened by nested begin() (each a savepoint)
 * and the savepoints made by hand, in creation order. Both managers keep one per transaction
 * and ask it what to send, so nesting rules and misuse errors are the same on both paths.
 * Not thread-safe: a transaction belongs to one thread or one reactive chain.
 */
public final class TxFrames {

    /** A nested level (its savepoint name) or a hand-made savepoint. */
    public record Entry(String name, boolean level) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int counter;
    private boolean open = true;

    public boolean isOpen() {
        return open;
    }

    public void close() {
        open = false;
        entries.clear();
    }

    /** The number of nested levels above the top transaction. */
    public int depth() {
        return (int) entries.stream().filter(Entry::level).count();
    }

    /** Opens a nested level; returns its savepoint name. */
    public String pushLevel() {
        String name = "pgrecord_level_" + (++counter);
        entries.add(new Entry(name, true));
        return name;
    }

    /** Checks that {@code name} is the innermost level, then forgets it and anything after it. */
    public void popLevel(String name) {
        int i = indexOf(name);
        if (i < 0 || !entries.get(i).level()) {
            throw new TransactionException("nested transaction " + name + " is not open");
        }
        for (int j = i + 1; j < entries.size(); j++) {
            if (entries.get(j).level()) {
                throw new TransactionException("finish the inner transaction " + entries.get(j).name()
                        + " before " + name);
            }
        }
        truncate(i);
    }

    /** The innermost nested level's name, or null at the top. */
    public String innermostLevel() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).level()) {
                return entries.get(i).name();
            }
        }
        return null;
    }

    /** Registers a hand-made savepoint; null picks a name. */
    public String addSavepoint(String name) {
        String n = name != null ? name : "pgrecord_sp_" + (++counter);
        TxSql.quote(n);
        if (indexOf(n) >= 0) {
            throw new TransactionException("savepoint " + n + " already exists in this transaction");
        }
        entries.add(new Entry(n, false));
        return n;
    }

    /** For RELEASE: the savepoint and everything after it go. */
    public void release(String name) {
        truncate(requireSavepoint(name));
    }

    /** For ROLLBACK TO: the savepoint stays, everything after it goes. */
    public void rollbackTo(String name) {
        truncate(requireSavepoint(name) + 1);
    }

    private int requireSavepoint(String name) {
        int i = indexOf(name);
        if (i < 0 || entries.get(i).level()) {
            throw new TransactionException("unknown savepoint " + name + " (released, rolled back past, or never made"
                    + " in this transaction)");
        }
        return i;
    }

    private int indexOf(String name) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void truncate(int from) {
        while (entries.size() > from) {
            entries.remove(entries.size() - 1);
        }
    }
}
