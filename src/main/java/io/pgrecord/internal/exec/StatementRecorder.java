package io.pgrecord.internal.exec;

import io.pgrecord.StatementLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link StatementLog} of one backend. {@link #record(String)} is on every statement's
 * path, so when not capturing it costs one volatile read.
 */
public final class StatementRecorder implements StatementLog {

    private volatile boolean capturing;
    private final List<String> captured = new ArrayList<>();

    public void record(String sql) {
        if (capturing) {
            synchronized (captured) {
                if (capturing) {
                    captured.add(sql);
                }
            }
        }
    }

    @Override
    public void start() {
        synchronized (captured) {
            captured.clear();
            capturing = true;
        }
    }

    @Override
    public List<String> stop() {
        synchronized (captured) {
            capturing = false;
            List<String> result = List.copyOf(captured);
            captured.clear();
            return result;
        }
    }

    @Override
    public List<String> statements() {
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    @Override
    public boolean isCapturing() {
        return capturing;
    }
}
