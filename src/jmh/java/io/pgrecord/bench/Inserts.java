package io.pgrecord.bench;

import static io.pgrecord.bench.JooqTables.INS;

import io.pgrecord.bench.model.AsyncNewItem;
import io.pgrecord.bench.model.NewItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

/** The multi-row write paths shared by the batch-insert and bulk-load workloads. */
public final class Inserts {

    static final String INSERT = "insert into bench_ins (name, qty, active) values (?, ?, ?)";

    private Inserts() {
    }

    public static List<Row> rows(String prefix, int n) {
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new Row(null, prefix + i, i, i % 3 == 0));
        }
        return rows;
    }

    /** pgjdbc batch; the pool sets reWriteBatchedInserts=true, so it goes out as multi-row INSERTs. */
    public static int jdbcBatch(BenchDb db, List<Row> rows) throws SQLException {
        try (Connection c = db.ds.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Row r : rows) {
                ps.setString(1, r.name);
                ps.setInt(2, r.qty);
                ps.setBoolean(3, r.active);
                ps.addBatch();
            }
            int n = 0;
            for (int k : ps.executeBatch()) {
                n += k == java.sql.Statement.SUCCESS_NO_INFO ? 1 : k;
            }
            return n;
        }
    }

    static int jooqBatch(BenchDb db, List<Row> rows) {
        DSLContext dsl = db.jooq;
        BatchBindStep batch = dsl.batch(dsl.insertInto(INS, INS.NAME, INS.QTY, INS.ACTIVE)
                .values((String) null, (Integer) null, (Boolean) null));
        for (Row r : rows) {
            batch = batch.bind(r.name, r.qty, r.active);
        }
        int n = 0;
        for (int k : batch.execute()) {
            n += k == java.sql.Statement.SUCCESS_NO_INFO ? 1 : k;
        }
        return n;
    }

    public static List<NewItem> models(BenchDb db, List<Row> rows) {
        List<NewItem> models = new ArrayList<>(rows.size());
        for (Row r : rows) {
            NewItem m = new NewItem().using(db.backend);
            m.name = r.name;
            m.qty = r.qty;
            m.active = r.active;
            models.add(m);
        }
        return models;
    }

    public static List<AsyncNewItem> asyncModels(BenchDb db, List<Row> rows) {
        List<AsyncNewItem> models = new ArrayList<>(rows.size());
        for (Row r : rows) {
            AsyncNewItem m = new AsyncNewItem().using(db.async);
            m.name = r.name;
            m.qty = r.qty;
            m.active = r.active;
            models.add(m);
        }
        return models;
    }

    /** What bench_ins holds for a name prefix, without ids, in name order. */
    public static List<Row> stored(BenchDb db, String prefix) throws SQLException {
        try (Connection c = db.ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select name, qty, active from bench_ins where name like ? order by name")) {
            ps.setString(1, prefix + "%");
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(null, rs.getString(1).substring(prefix.length()), rs.getInt(2), rs.getBoolean(3)));
                }
            }
            return out;
        }
    }
}
