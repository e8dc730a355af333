package io.pgrecord.bench;

import io.pgrecord.AsyncFinder;
import io.pgrecord.Finder;
import io.pgrecord.bench.model.AsyncItem;
import io.pgrecord.bench.model.Item;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The per-trial fixture every workload shares: a fresh embedded PostgreSQL with seeded tables,
 * the four clients, and a check, before any timing, that the variants return the same results.
 */
public abstract class BenchBase {

    protected BenchDb db;
    protected Finder<Item> items;
    protected AsyncFinder<AsyncItem> asyncItems;
    private long nextId;

    @Setup(Level.Trial)
    public final void startTrial() throws Exception {
        long t0 = System.nanoTime();
        db = BenchDb.start();
        items = Item.find.using(db.backend);
        asyncItems = AsyncItem.find.using(db.async);
        prepare();
        long t1 = System.nanoTime();
        check();
        System.out.printf("[bench] %s: variants agree; server %s; setup %d ms, check %d ms%n", getClass().getSimpleName(),
                db.serverVersion(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    /** Runs on the benchmark thread before each iteration, so that thread is the one pinned. */
    @Setup(Level.Iteration)
    public final void pinBenchmarkThread() {
        CpuPinning.pinCurrentThread();
    }

    @TearDown(Level.Trial)
    public final void stopTrial() throws Exception {
        finish();
        db.close();
    }

    /** Per-workload setup after the database is up. */
    protected void prepare() throws Exception {
    }

    /** Runs every variant once and throws when they disagree. */
    protected abstract void check() throws Exception;

    protected void finish() throws Exception {
    }

    /** The ids 1..ITEMS in turn, the same sequence for every variant. */
    protected final long nextId() {
        nextId = nextId % BenchDb.ITEMS + 1;
        return nextId;
    }

    protected static Row mapRow(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4));
    }

    /** Reads a row through a plain JDBC connection, for the checks. */
    protected final Row readBack(String table, long id) throws SQLException {
        try (Connection c = db.ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, name, qty, active from " + table + " where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? mapRow(rs) : null;
            }
        }
    }
}
