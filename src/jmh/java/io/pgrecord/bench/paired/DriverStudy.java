package io.pgrecord.bench.paired;

import static io.pgrecord.bench.paired.Names.JDBC;
import static io.pgrecord.bench.paired.Names.PGRECORD;
import static io.pgrecord.bench.paired.Names.R2DBC;

import io.pgrecord.Finder;
import io.pgrecord.PostgresBackend;
import io.pgrecord.bench.BenchDb;
import io.pgrecord.bench.Row;
import io.pgrecord.bench.model.Item;
import io.r2dbc.pool.ConnectionPool;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The driver-settings study ({@code -Dpaired -Dpaired.study=driver}): the driver's floor under
 * each setting of issue 25 item 5 against the default, on raw pgjdbc and on pgrecord blocking
 * (which passes every one of them to pgjdbc as a driver option), and on raw r2dbc-postgresql;
 * select by id, fetch 1,000 and a keyset page of 20 on the narrow table, and on r2dbc the fetch
 * of 1,000 on the twelve-column table too, with the main run's statements. Each setting has its own pools ({@link DriverPools}); the rounds, ratios and
 * measures are the paired run's. Before timing, pgjdbc must report each setting on a connection
 * of its pool ({@link DriverSettingCheck}), and every variant must return the same rows.
 */
final class DriverStudy {

    static final String NAME = "driver";
    static final String FILE = "driver-settings.md";
    /** The study's default warmup base and block: 6 workloads of up to 14 variants within 5 minutes on 2 cores. */
    static final double WARMUP_SECONDS = 6;
    static final int BLOCK_MS = 50;

    private static final int PAGE = 20;
    private static final long LAST = 1000;

    /** One client's read on the pools of one setting, by its argument: an id, a last id, or the id a page starts after. */
    @FunctionalInterface
    private interface Read {
        Object run(long arg) throws Exception;
    }

    /** A raw JDBC read on a setting's pool, in a transaction or not. */
    @FunctionalInterface
    private interface JdbcRead {
        Object run(DataSource ds, boolean inTransaction, long arg) throws Exception;
    }

    /** A client's read on the pools of a setting, built before timing. */
    @FunctionalInterface
    private interface ReadOn {
        Read on(DriverSetting setting) throws Exception;
    }

    /** A client of the study and the settings it runs under. */
    private record Client(String name, boolean blocking, List<DriverSetting> settings, ReadOn read) {
    }

    private final PairedSettings s;
    private final DriverPools pools;
    private final WideOps wide;
    private long nextId;
    private long last;

    DriverStudy(PairedSettings s, DriverPools pools, Fixture f) {
        this.s = s;
        this.pools = pools;
        this.wide = new WideOps(f);
    }

    List<Planned> all() {
        List<DriverSetting> multiRow = new ArrayList<>(DriverSetting.PGJDBC);
        multiRow.addAll(DriverSetting.PGJDBC_FETCH);
        return List.of(
                planned("select by id", 1, this::nextId, new long[] {1, 4711, BenchDb.ITEMS},
                        jdbc(DriverSetting.PGJDBC, (ds, tx, id) -> DriverJdbc.byId(ds, id)),
                        pgrecord(DriverSetting.PGJDBC, items -> id -> items.getById(id))),
                planned("fetch 1,000", 3, () -> LAST, new long[] {LAST},
                        jdbc(multiRow, (ds, tx, l) -> DriverJdbc.rows(ds, "where id <= ? order by id", l, 0, tx)),
                        pgrecord(multiRow, items -> l -> items.where("id <= ?", l).orderBy("id").all())),
                planned("keyset 20", 1, this::nextLast, new long[] {0, 4711, BenchDb.ITEMS - PAGE - 1},
                        jdbc(multiRow, (ds, tx, a) -> DriverJdbc.rows(ds, "where id > ? order by id limit " + PAGE, a, PAGE, tx)),
                        pgrecord(multiRow, items -> a -> items.where("id > ?", a).orderBy("id").limit(PAGE).all())),
                planned("select by id (r2dbc)", 1, this::nextId, new long[] {1, 4711, BenchDb.ITEMS},
                        r2dbc(p -> id -> RawR2dbc.one(p, NarrowOps.COLUMNS + "where id = $1", st -> st.bind(0, id), NarrowOps::map))),
                planned("fetch 1,000 (r2dbc)", 3, () -> LAST, new long[] {LAST},
                        r2dbc(p -> l -> RawR2dbc.query(p, NarrowOps.COLUMNS + "where id <= $1 order by id", st -> st.bind(0, l),
                                NarrowOps::map))),
                // the twelve-column table, where the column types decide what a text or binary result
                // costs; jsonb through r2dbc's Json, which reads both formats
                planned("wide fetch 1,000 (r2dbc)", 2, () -> LAST, new long[] {LAST},
                        r2dbc(p -> l -> RawR2dbc.query(p, WideOps.SELECT + "where id <= $1 order by id", st -> st.bind(0, l),
                                wide::mapJsonCodec))));
    }

    private Client jdbc(List<DriverSetting> settings, JdbcRead read) {
        return new Client(JDBC, true, settings, setting -> {
            DataSource ds = pools.jdbc(setting);
            try (Connection c = ds.getConnection()) {
                DriverSettingCheck.inEffect(JDBC, setting, c);
            }
            return arg -> read.run(ds, setting.inTransaction(), arg);
        });
    }

    private Client pgrecord(List<DriverSetting> settings, Function<Finder<Item>, LongFunction<Object>> read) {
        return new Client(PGRECORD, true, settings, setting -> {
            PostgresBackend b = pools.pgrecord(setting);
            b.dsl().connection(c -> DriverSettingCheck.inEffect(PGRECORD, setting, c));
            LongFunction<Object> query = read.apply(Item.find.using(b));
            if (!setting.inTransaction()) {
                return query::apply;
            }
            return arg -> b.transactionManager().inTransaction(() -> query.apply(arg));
        });
    }

    private Client r2dbc(Function<ConnectionPool, Read> read) {
        return new Client(R2DBC, false, DriverSetting.R2DBC, setting -> read.apply(pools.r2dbc(setting)));
    }

    private long nextId() {
        nextId = nextId % BenchDb.ITEMS + 1;
        return nextId;
    }

    private long nextLast() {
        last = (last + PAGE) % (BenchDb.ITEMS - PAGE);
        return last;
    }

    /** A workload built only when it runs, so that its pools open then. */
    private Planned planned(String name, double warmupFactor, LongSupplier cursor, long[] checkArgs, Client... clients) {
        return new Planned(name, () -> workload(name, warmupFactor, cursor, checkArgs, clients));
    }

    /**
     * Every client under every setting, one variant each, compared with the same client under
     * its default; the check runs each variant on {@code checkArgs} and compares the rows.
     */
    private Workload workload(String name, double warmupFactor, LongSupplier cursor, long[] checkArgs, Client... clients)
            throws Exception {
        List<Variant> variants = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (Client c : clients) {
            for (DriverSetting setting : c.settings()) {
                Read read = c.read().on(setting);
                Op op = () -> read.run(cursor.getAsLong());
                String variant = setting.variant(c.name());
                variants.add(c.blocking() ? Variant.blocking(variant, op) : Variant.reactive(variant, op));
                reads.add(read);
                if (!setting.isDefault()) {
                    comparisons.add(Comparison.reference(variant, setting.baseline().variant(c.name()), Metric.WALL));
                }
            }
        }
        Step check = () -> {
            for (long arg : checkArgs) {
                Object expected = rows(reads.get(0).run(arg));
                if (expected == null || expected instanceof List<?> l && l.isEmpty()) {
                    throw new IllegalStateException(name + " " + arg + ": " + variants.get(0).name() + " returned nothing");
                }
                for (int i = 1; i < reads.size(); i++) {
                    Row.same(name + " " + arg + " (" + variants.get(i).name() + ")", expected, rows(reads.get(i).run(arg)));
                }
            }
        };
        return new Workload(name, variants, check, Step.NONE, s.blockNanos(), s.warmupSeconds() * warmupFactor, s.pairs(),
                comparisons);
    }

    /** A result in the common form: a {@link Row}, or a list of them. */
    private static Object rows(Object result) {
        return switch (result) {
            case null -> null;
            case List<?> list -> list.stream().map(DriverStudy::rows).toList();
            case Item m -> Row.of(m);
            case Row r -> r;
            case WideRow w -> w.normalized();
            default -> throw new IllegalStateException("not a row: " + result);
        };
    }
}
