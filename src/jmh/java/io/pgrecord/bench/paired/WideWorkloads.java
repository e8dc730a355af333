package io.pgrecord.bench.paired;

import static io.pgrecord.bench.paired.Names.JDBC;
import static io.pgrecord.bench.paired.Names.JOOQ;
import static io.pgrecord.bench.paired.Names.PGRECORD;
import static io.pgrecord.bench.paired.Names.PGRECORD_R2DBC;
import static io.pgrecord.bench.paired.Names.R2DBC;

import io.pgrecord.AsyncFinder;
import io.pgrecord.Finder;
import io.pgrecord.bench.BenchDb;
import io.pgrecord.bench.Row;
import io.pgrecord.bench.model.AsyncWideItem;
import io.pgrecord.bench.model.AsyncWideNewItem;
import io.pgrecord.bench.model.WideItem;
import io.pgrecord.bench.model.WideNewItem;
import java.util.List;

/** Select by id, insert one and fetch 1,000 on the twelve-column table, in the five main variants. */
final class WideWorkloads {

    private static final long LAST = 1000;

    private final Fixture f;
    private final PairedSettings s;
    private final WideOps raw;
    private final JooqWide jooq;
    private final Finder<WideItem> items;
    private final AsyncFinder<AsyncWideItem> asyncItems;
    private long nextId;
    private int tick;

    WideWorkloads(Fixture f, PairedSettings s) {
        this.f = f;
        this.s = s;
        this.raw = new WideOps(f);
        this.jooq = new JooqWide(f, raw);
        this.items = WideItem.find.using(f.db.backend);
        this.asyncItems = AsyncWideItem.find.using(f.db.async);
    }

    private long nextId() {
        nextId = nextId % BenchDb.ITEMS + 1;
        return nextId;
    }

    List<Planned> all() {
        return List.of(
                new Planned("wide select by id", this::selectById),
                new Planned("wide insert one", this::insertOne),
                new Planned("wide fetch 1,000", this::fetch1000));
    }

    private Workload timed(String name, double warmupFactor, List<Variant> variants, Step check, Step beforeBlock) {
        return new Workload(name, variants, check, beforeBlock, s.blockNanos(), s.warmupSeconds() * warmupFactor, s.pairs(),
                Targets.oneClient(variants));
    }

    private WideRow jdbcById(long id) throws Exception {
        List<WideRow> rows = raw.jdbc("where id = ?", id, 1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private WideRow r2dbcById(long id) {
        List<WideRow> rows = raw.r2dbc("where id = $1", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Workload selectById() {
        List<Variant> v = List.of(
                Variant.blocking(JDBC, () -> jdbcById(nextId())),
                Variant.blocking(JOOQ, () -> jooq.byId(nextId())),
                Variant.blocking(PGRECORD, () -> items.getById(nextId())),
                Variant.reactive(PGRECORD_R2DBC, () -> asyncItems.getById(nextId()).block()),
                Variant.reactive(R2DBC, () -> r2dbcById(nextId())));
        return timed("wide select by id", 1, v, () -> {
            for (long id : new long[] {1, 4711, BenchDb.ITEMS}) {
                WideRow expected = jdbcById(id).normalized();
                Row.same("wide select by id " + id + " (" + JOOQ + ")", expected, jooq.byId(id).normalized());
                Row.same("wide select by id " + id + " (" + PGRECORD + ")", expected, WideRow.of(items.getById(id)).normalized());
                Row.same("wide select by id " + id + " (" + PGRECORD_R2DBC + ")", expected,
                        WideRow.of(asyncItems.getById(id).block()).normalized());
                Row.same("wide select by id " + id + " (" + R2DBC + ")", expected, r2dbcById(id).normalized());
            }
        }, Step.NONE);
    }

    private Workload insertOne() {
        Finder<WideNewItem> inserted = WideNewItem.find.using(f.db.backend);
        List<Variant> v = List.of(
                Variant.blocking(JDBC, () -> raw.jdbcInsert(WideOps.row(f.json, "n", ++tick))),
                Variant.blocking(JOOQ, () -> jooq.insert(WideOps.row(f.json, "n", ++tick))),
                Variant.blocking(PGRECORD, () -> pgrecordInsert(WideOps.row(f.json, "n", ++tick))),
                Variant.reactive(PGRECORD_R2DBC, () -> pgrecordR2dbcInsert(WideOps.row(f.json, "n", ++tick))),
                Variant.reactive(R2DBC, () -> raw.r2dbcInsert(WideOps.row(f.json, "n", ++tick))));
        return timed("wide insert one", 1, v, () -> {
            f.db.exec("truncate bench_wide_ins");
            for (int i = 0; i < v.size(); i++) {
                WideRow written = WideOps.row(f.json, "n", i);
                WideRow returned = switch (i) {
                    case 0 -> raw.jdbcInsert(written);
                    case 1 -> jooq.insert(written);
                    case 2 -> pgrecordInsert(written);
                    case 3 -> pgrecordR2dbcInsert(written);
                    default -> raw.r2dbcInsert(written);
                };
                String what = "wide insert (" + v.get(i).name() + ")";
                Row.same(what + " returns the stored row", WideRow.of(inserted.getById(returned.id())).normalized(),
                        returned.normalized());
                Row.same(what, written.normalized(), returned.withoutId().normalized());
            }
        }, () -> f.db.exec("truncate bench_wide_ins"));
    }

    private WideRow pgrecordInsert(WideRow r) {
        WideNewItem m = new WideNewItem().using(f.db.backend);
        r.fill(m);
        m.insert();
        return WideRow.of(m);
    }

    private WideRow pgrecordR2dbcInsert(WideRow r) {
        AsyncWideNewItem m = new AsyncWideNewItem().using(f.db.async);
        r.fill(m);
        m.insert().block();
        return WideRow.of(m);
    }

    private Workload fetch1000() {
        List<Variant> v = List.of(
                Variant.blocking(JDBC, () -> raw.jdbc("where id <= ? order by id", LAST, (int) LAST)),
                Variant.blocking(JOOQ, () -> jooq.upTo(LAST)),
                Variant.blocking(PGRECORD, () -> items.where("id <= ?", LAST).orderBy("id").all()),
                Variant.reactive(PGRECORD_R2DBC, () -> asyncItems.where("id <= ?", LAST).orderBy("id").all().collectList().block()),
                Variant.reactive(R2DBC, () -> raw.r2dbc("where id <= $1 order by id", LAST)));
        return timed("wide fetch 1,000", 2, v, () -> {
            List<WideRow> expected = normalized(v.get(0).op().run());
            Row.same("wide rows (" + JDBC + ")", (int) LAST, expected.size());
            for (Variant variant : v.subList(1, v.size())) {
                Row.same("wide fetch 1,000 (" + variant.name() + ")", expected, normalized(variant.op().run()));
            }
        }, Step.NONE);
    }

    private static List<WideRow> normalized(Object rows) {
        return ((List<?>) rows).stream().map(o -> switch (o) {
            case WideRow r -> r.normalized();
            case WideItem m -> WideRow.of(m).normalized();
            case AsyncWideItem m -> WideRow.of(m).normalized();
            default -> throw new IllegalStateException("not a wide row: " + o);
        }).toList();
    }
}
