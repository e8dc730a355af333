package io.pgrecord.internal.tx;

import io.pgrecord.error.TransactionException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The nesting of one open transaction: the levels opened by nested begin() (each a savepoint)
 * and the savepoints made by hand, in creation order. Both managers keep one per transaction
 * and ask it what to send, so nesting rules and misuse errors are the same on both paths.
 * <p>
 * It also keeps the transaction's undo log: how to put back the model instances its writes
 * changed (a new instance's id, a version, what counts as persisted), run in reverse when the
 * transaction, or the level or savepoint that made the write, is rolled back, as Rails restores
 * a record's state. Without it, an instance saved in a rolled-back transaction said it was
 * persisted, and saving it again updated a row that does not exist.
 * <p>
 * Not thread-safe, but for the undo log: a transaction belongs to one thread or one reactive
 * chain, and a cancelled chain may roll back from another thread.
 */
public final class TxFrames implements Consumer<Runnable> {

    /** A nested level (its savepoint name) or a hand-made savepoint; {@code undoMark}: the undo log's size when it was made. */
    public record Entry(String name, boolean level, int undoMark) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Runnable> undos = new ArrayList<>();
    private int counter;
    private boolean open = true;

    /** Remembers how to put instances back as they were before a write of this transaction. */
    @Override
    public synchronized void accept(Runnable undo) {
        if (open) {
            undos.add(undo);
        }
    }

    /**
     * The top-level transaction ended: on a rollback, or a commit that failed (the server rolled
     * it back), the instances go back as they were before its writes; either way the log is done.
     */
    public void ended(boolean committed) {
        undoFrom(committed ? Integer.MAX_VALUE : 0);
    }

    /** Runs, newest first, and forgets the undos remembered since {@code mark}. */
    private void undoFrom(int mark) {
        List<Runnable> run;
        synchronized (this) {
            int from = Math.min(mark, undos.size());
            List<Runnable> tail = undos.subList(from, undos.size());
            run = new ArrayList<>(tail);
            tail.clear();
            if (mark == Integer.MAX_VALUE) {
                undos.clear();
            }
        }
        for (int i = run.size() - 1; i >= 0; i--) {
            run.get(i).run();
        }
    }

    public boolean isOpen() {
        return open;
    }

    /** No more levels or savepoints: the transaction is ending ({@link #ended} says how). */
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
        entries.add(new Entry(name, true, undoMark()));
        return name;
    }

    /**
     * Checks that {@code name} is the innermost level, then forgets it and anything after it;
     * when it is rolled back, puts back the instances its writes changed.
     */
    public void popLevel(String name, boolean rolledBack) {
        int mark = popLevel(name);
        if (rolledBack) {
            undoFrom(mark);
        }
    }

    /** As {@link #popLevel(String, boolean)} for a level that is released; returns its undo mark. */
    public int popLevel(String name) {
        int i = checkInnermostLevel(name);
        int mark = entries.get(i).undoMark();
        truncate(i);
        return mark;
    }

    /** Checks that {@code name} is the innermost open level, as its end needs; returns its index. */
    public int checkInnermostLevel(String name) {
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
        return i;
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
        entries.add(new Entry(n, false, undoMark()));
        return n;
    }

    /** For RELEASE: the savepoint and everything after it go. */
    public void release(String name) {
        truncate(requireOutsideLevels(requireSavepoint(name)));
    }

    /** For ROLLBACK TO: the savepoint stays, everything after it goes, and the instances written since go back. */
    public void rollbackTo(String name) {
        int i = requireOutsideLevels(requireSavepoint(name));
        truncate(i + 1);
        undoFrom(entries.get(i).undoMark());
    }

    /**
     * Refuses a savepoint made before a nested level that is still open: rolling back to it or
     * releasing it would end the level's savepoint on the server too, and the level's own end
     * would then fail, leaving the transaction unable to finish.
     */
    private int requireOutsideLevels(int savepoint) {
        for (int j = entries.size() - 1; j > savepoint; j--) {
            if (entries.get(j).level()) {
                throw new TransactionException("finish the nested transaction " + entries.get(j).name() + " first: savepoint "
                        + entries.get(savepoint).name() + " was made outside it");
            }
        }
        return savepoint;
    }

    private synchronized int undoMark() {
        return undos.size();
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
