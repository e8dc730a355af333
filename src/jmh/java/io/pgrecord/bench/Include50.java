package io.pgrecord.bench;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pgrecord.AsyncFinder;
import io.pgrecord.Finder;
import io.pgrecord.bench.model.AsyncParent;
import io.pgrecord.bench.model.Parent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jooq.Field;
import org.jooq.Record;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 50 parents with their children (5 each): the raw variants run the same two queries pgrecord's
 * {@code include} runs (parents, then children {@code where parent_id = any(...) order by id}) and
 * attach the children by hand. The check compares the children in order.
 */
// about a millisecond per operation: code run once per call reaches the JIT's top tier only
// after 10,000-15,000 calls (the one C2 thread of a 2-core machine has a queue, which raises
// its thresholds), and pgrecord's fork settled only after 15-25 s; a shorter warmup would
// time the facades in half-compiled code
@Warmup(iterations = 25, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Include50 extends BenchBase {

    static final long PARENTS = 50;

    public static final class ParentRow {
        public Long id;
        public String name;
        public List<ChildRow> children = new ArrayList<>();
    }

    public static final class ChildRow {
        public Long id;
        public Long parentId;
        public String name;
    }

    private static final org.jooq.Table<Record> P = table(name("bench_parents"));
    private static final org.jooq.Table<Record> C = table(name("bench_children"));
    private static final Field<Long> P_ID = field(name("bench_parents", "id"), Long.class);
    private static final Field<String> P_NAME = field(name("bench_parents", "name"), String.class);
    private static final Field<Long> C_ID = field(name("bench_children", "id"), Long.class);
    private static final Field<Long> C_PARENT = field(name("bench_children", "parent_id"), Long.class);
    private static final Field<String> C_NAME = field(name("bench_children", "name"), String.class);

    private Finder<Parent> parents;
    private AsyncFinder<AsyncParent> asyncParents;

    @Override
    protected void prepare() {
        parents = Parent.find.using(db.backend);
        asyncParents = AsyncParent.find.using(db.async);
    }

    @Override
    protected void check() throws SQLException {
        List<String> expected = jdbc().stream().map(p -> p.id + ":" + p.name + ":"
                + p.children.stream().map(c -> c.id + "/" + c.parentId + "/" + c.name).toList()).toList();
        Row.same("parents (JDBC)", (int) PARENTS, expected.size());
        Row.same("children of parent 1 (JDBC)", true, expected.get(0).contains("child 1.5"));
        Row.same("include (jOOQ)", expected, jooq().stream().map(p -> p.id + ":" + p.name + ":"
                + p.children.stream().map(c -> c.id + "/" + c.parentId + "/" + c.name).toList()).toList());
        Row.same("include (pgrecord)", expected, pgrecord().stream().map(p -> p.id + ":" + p.name + ":"
                + p.children.get().stream().map(c -> c.id + "/" + c.parentId + "/" + c.name).toList()).toList());
        Row.same("include (pgrecord R2DBC)", expected, pgrecordR2dbc().stream().map(p -> p.id + ":" + p.name + ":"
                + p.children.get().collectList().block().stream().map(c -> c.id + "/" + c.parentId + "/" + c.name).toList()).toList());
    }

    @Benchmark
    public List<ParentRow> jdbc() throws SQLException {
        try (Connection c = db.ds.getConnection()) {
            List<ParentRow> out = new ArrayList<>();
            Map<Long, ParentRow> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select id, name from bench_parents where id <= ? order by id")) {
                ps.setLong(1, PARENTS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ParentRow p = new ParentRow();
                        p.id = rs.getLong(1);
                        p.name = rs.getString(2);
                        out.add(p);
                        byId.put(p.id, p);
                    }
                }
            }
            Array ids = c.createArrayOf("bigint", byId.keySet().toArray());
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, parent_id, name from bench_children where parent_id = any(?) order by id")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ChildRow ch = new ChildRow();
                        ch.id = rs.getLong(1);
                        ch.parentId = rs.getLong(2);
                        ch.name = rs.getString(3);
                        byId.get(ch.parentId).children.add(ch);
                    }
                }
            }
            return out;
        }
    }

    @Benchmark
    public List<ParentRow> jooq() {
        List<ParentRow> out = db.jooq.select(P_ID.as("id"), P_NAME.as("name")).from(P).where(P_ID.le(PARENTS))
                .orderBy(P_ID).fetchInto(ParentRow.class);
        Map<Long, ParentRow> byId = new HashMap<>();
        for (ParentRow p : out) {
            byId.put(p.id, p);
        }
        List<ChildRow> children = db.jooq.select(C_ID.as("id"), C_PARENT.as("parent_id"), C_NAME.as("name")).from(C)
                .where(C_PARENT.in(byId.keySet())).orderBy(C_ID).fetchInto(ChildRow.class);
        for (ChildRow ch : children) {
            byId.get(ch.parentId).children.add(ch);
        }
        return out;
    }

    @Benchmark
    public List<Parent> pgrecord() {
        return parents.where("id <= ?", PARENTS).orderBy("id").include("children").all();
    }

    @Benchmark
    public List<AsyncParent> pgrecordR2dbc() {
        return asyncParents.where("id <= ?", PARENTS).orderBy("id").include("children").all().collectList().block();
    }
}
