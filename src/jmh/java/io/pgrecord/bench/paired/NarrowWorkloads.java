package io.pgrecord.bench.paired;

import static io.pgrecord.bench.JooqTables.ITEMS;
import static io.pgrecord.bench.paired.Names.JDBC;
import static io.pgrecord.bench.paired.Names.JDBC_VIRTUAL;
import static io.pgrecord.bench.paired.Names.JOOQ;
import static io.pgrecord.bench.paired.Names.JOOQ_R2DBC;
import static io.pgrecord.bench.paired.Names.PGRECORD;
import static io.pgrecord.bench.paired.Names.PGRECORD_R2DBC;
import static io.pgrecord.bench.paired.Names.R2DBC;

import io.pgrecord.AsyncFinder;
import io.pgrecord.Finder;
import io.pgrecord.bench.BenchDb;
import io.pgrecord.bench.Row;
import io.pgrecord.bench.model.AsyncItem;
import io.pgrecord.bench.model.AsyncNewItem;
import io.pgrecord.bench.model.Item;
import io.pgrecord.bench.model.NewItem;
import java.util.List;

/**
 * Select by id, insert one, fetch 1,000 and a keyset page of 20 on the narrow table, with the
 * same statements as the JMH suite, in every variant: raw JDBC, raw jOOQ, pgrecord on both
 * backends, raw r2dbc-postgresql, raw jOOQ over R2DBC, and (for the reads) JDBC on a virtual thread.
 */
final class NarrowWorkloads {

    private static final int PAGE = 20;
    private static final long LAST = 1000;

    private final Fixture f;
    private final PairedSettings s;
    private final NarrowOps raw;
    private final Finder<Item> items;
    private final AsyncFinder<AsyncItem> asyncItems;
    private long nextId;
    private long last;
    private int tick;

    NarrowWorkloads(Fixture f, PairedSettings s) {
        this.f = f;
        this.s = s;
        this.raw = new NarrowOps(f);
        this.items = Item.find.using(f.db.backend);
        this.asyncItems = AsyncItem.find.using(f.db.async);
    }

    private long nextId() {
        nextId = nextId % BenchDb.ITEMS + 1;
        return nextId;
    }

    private long nextLast() {
        last = (last + PAGE) % (BenchDb.ITEMS - PAGE);
        return last;
    }

    List<Planned> all() {
        return List.of(
                new Planned("select by id", this::selectById),
                new Planned("insert one", this::insertOne),
                new Planned("fetch 1,000", this::fetch1000),
                new Planned("keyset 20", this::keyset20));
    }

    private Workload timed(String name, double warmupFactor, List<Variant> variants, Step check, Step beforeBlock) {
        return new Workload(name, variants, check, beforeBlock, s.blockNanos(), s.warmupSeconds() * warmupFactor, s.pairs(),
                Targets.oneClient(variants));
    }

    private Workload selectById() {
        List<Variant> v = List.of(
                Variant.blocking(JDBC, () -> raw.jdbcById(nextId())),
                Variant.blocking(JOOQ, () -> jooqById(nextId())),
                Variant.blocking(PGRECORD, () -> items.getById(nextId())),
                Variant.reactive(PGRECORD_R2DBC, () -> asyncItems.getById(nextId()).block()),
                Variant.reactive(R2DBC, () -> raw.r2dbcById(nextId())),
                Variant.reactive(JOOQ_R2DBC, () -> raw.jooqR2dbcById(nextId())),
                Variant.reactive(JDBC_VIRTUAL, () -> {
                    long id = nextId();
                    return f.onVirtualThread(() -> raw.jdbcById(id));
                }));
        return timed("select by id", 1, v, () -> {
            for (long id : new long[] {1, 4711, BenchDb.ITEMS}) {
                Row expected = raw.jdbcById(id);
                Row.same("select by id " + id + " (" + JOOQ + ")", expected, jooqById(id));
                Row.same("select by id " + id + " (" + PGRECORD + ")", expected, Row.of(items.getById(id)));
                Row.same("select by id " + id + " (" + PGRECORD_R2DBC + ")", expected, Row.of(asyncItems.getById(id).block()));
                Row.same("select by id " + id + " (" + R2DBC + ")", expected, raw.r2dbcById(id));
                Row.same("select by id " + id + " (" + JOOQ_R2DBC + ")", expected, raw.jooqR2dbcById(id));
            }
        }, Step.NONE);
    }

    private Row jooqById(long id) {
        return f.db.jooq.selectFrom(ITEMS).where(ITEMS.ID.eq(id)).fetchOneInto(Row.class);
    }

    private Workload insertOne() {
        Finder<NewItem> inserted = NewItem.find.using(f.db.backend);
        List<Variant> v = List.of(
                Variant.blocking(JDBC, () -> raw.jdbcInsert(++tick)),
                Variant.blocking(JOOQ, () -> raw.jooqInsert(++tick)),
                Variant.blocking(PGRECORD, () -> pgrecordInsert(++tick)),
                Variant.reactive(PGRECORD_R2DBC, () -> pgrecordR2dbcInsert(++tick)),
                Variant.reactive(R2DBC, () -> raw.r2dbcInsert(++tick)),
                Variant.reactive(JOOQ_R2DBC, () -> raw.jooqR2dbcInsert(++tick)));
        return timed("insert one", 1, v, () -> {
            f.db.exec("truncate bench_ins");
            List<Row> returned = List.of(raw.jdbcInsert(1), raw.jooqInsert(2), pgrecordInsert(3), pgrecordR2dbcInsert(4),
                    raw.r2dbcInsert(5), raw.jooqR2dbcInsert(6));
            for (int i = 0; i < returned.size(); i++) {
                Row r = returned.get(i);
                String what = "insert (" + v.get(i).name() + ")";
                Row.same(what + " returns the stored row", Row.of(inserted.getById(r.id)), r);
                Row.same(what, new Row(null, "n" + (i + 1), i + 1, i % 2 == 0), new Row(null, r.name, r.qty, r.active));
            }
        }, () -> f.db.exec("truncate bench_ins"));
    }

    private Row pgrecordInsert(int n) {
        NewItem m = new NewItem().using(f.db.backend);
        m.name = "n" + n;
        m.qty = n;
        m.active = n % 2 == 1;
        m.insert();
        return Row.of(m);
    }

    private Row pgrecordR2dbcInsert(int n) {
        AsyncNewItem m = new AsyncNewItem().using(f.db.async);
        m.name = "n" + n;
        m.qty = n;
        m.active = n % 2 == 1;
        m.insert().block();
        return Row.of(m);
    }

    private Workload fetch1000() {
        String where = "where id <= ? order by id";
        String where2 = "where id <= $1 order by id";
        List<Variant> v = List.of(
                Variant.blocking(JDBC, () -> raw.jdbc(where, LAST, 0)),
                Variant.blocking(JOOQ, () -> f.db.jooq.selectFrom(ITEMS).where(ITEMS.ID.le(LAST)).orderBy(ITEMS.ID).fetchInto(Row.class)),
                Variant.blocking(PGRECORD, () -> items.where("id <= ?", LAST).orderBy("id").all()),
                Variant.reactive(PGRECORD_R2DBC, () -> asyncItems.where("id <= ?", LAST).orderBy("id").all().collectList().block()),
                Variant.reactive(R2DBC, () -> raw.r2dbc(where2, LAST)),
                Variant.reactive(JOOQ_R2DBC, () -> raw.jooqR2dbcFetch(LAST)),
                Variant.reactive(JDBC_VIRTUAL, () -> f.onVirtualThread(() -> raw.jdbc(where, LAST, 0))));
        // about a millisecond per operation: the JMH suite found pgrecord settled only after
        // 15,000-25,000 calls, so three times the warmup
        return timed("fetch 1,000", 3, v, () -> sameLists("fetch 1,000", v, 1000), Step.NONE);
    }

    private Workload keyset20() {
        String where = "where id > ? order by id limit " + PAGE;
        String where2 = "where id > $1 order by id limit " + PAGE;
        List<Variant> v = List.of(
                Variant.blocking(JDBC, () -> raw.jdbc(where, nextLast(), PAGE)),
                Variant.blocking(JOOQ, () -> f.db.jooq.selectFrom(ITEMS).where(ITEMS.ID.gt(nextLast())).orderBy(ITEMS.ID)
                        .limit(PAGE).fetchInto(Row.class)),
                Variant.blocking(PGRECORD, () -> items.where("id > ?", nextLast()).orderBy("id").limit(PAGE).all()),
                Variant.reactive(PGRECORD_R2DBC, () -> asyncItems.where("id > ?", nextLast()).orderBy("id").limit(PAGE).all()
                        .collectList().block()),
                Variant.reactive(R2DBC, () -> raw.r2dbc(where2, nextLast())),
                Variant.reactive(JOOQ_R2DBC, () -> raw.jooqR2dbcPage(nextLast(), PAGE)),
                Variant.reactive(JDBC_VIRTUAL, () -> {
                    long after = nextLast();
                    return f.onVirtualThread(() -> raw.jdbc(where, after, PAGE));
                }));
        // every variant starts from the same page, so the check compares like with like
        return timed("keyset 20", 1, v, () -> {
            for (int k = 0; k < 3; k++) {
                sameLists("keyset 20, page " + k, v, PAGE);
            }
        }, Step.NONE);
    }

    /** Runs each variant once from the same cursor state and compares the rows. */
    private void sameLists(String what, List<Variant> variants, int size) throws Exception {
        long id0 = nextId;
        long last0 = last;
        List<Row> expected = null;
        for (Variant variant : variants) {
            nextId = id0;
            last = last0;
            List<Row> rows = ((List<?>) variant.op().run()).stream().map(NarrowWorkloads::asRow).toList();
            if (expected == null) {
                Row.same(what + " rows (" + variant.name() + ")", size, rows.size());
                expected = rows;
            } else {
                Row.same(what + " (" + variant.name() + ")", expected, rows);
            }
        }
    }

    private static Row asRow(Object o) {
        return switch (o) {
            case Row r -> r;
            case Item m -> Row.of(m);
            case AsyncItem m -> Row.of(m);
            default -> throw new IllegalStateException("not a row: " + o);
        };
    }
}
