package io.pgrecord.bench.paired;

import static io.pgrecord.bench.JooqTables.INS;
import static io.pgrecord.bench.JooqTables.ITEMS;

import io.pgrecord.bench.JooqTables.InsRec;
import io.pgrecord.bench.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The hand-written variants on the narrow tables (bench_items, bench_ins): raw JDBC, raw
 * r2dbc-postgresql and raw jOOQ over R2DBC. The JDBC statements are those of the JMH suite.
 */
final class NarrowOps {

    static final String COLUMNS = "select id, name, qty, active from bench_items ";
    static final String INSERT = "insert into bench_ins (name, qty, active) values ";
    static final String RETURNING = " returning id, name, qty, active";

    private final Fixture f;

    NarrowOps(Fixture f) {
        this.f = f;
    }

    static Row map(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4));
    }

    static Row map(io.r2dbc.spi.Row r) {
        return new Row(r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class), r.get(3, Boolean.class));
    }

    static Row map(Record r) {
        return new Row(r.get(ITEMS.ID), r.get(ITEMS.NAME), r.get(ITEMS.QTY), r.get(ITEMS.ACTIVE));
    }

    /**
     * Rows of {@code COLUMNS + where}, with one bind, into a list of {@code capacity} (0: the
     * default), as the JMH suite sizes it: unsized for fetch 1,000, the page size for keyset.
     */
    List<Row> jdbc(String where, long bind, int capacity) throws SQLException {
        try (Connection c = f.db.ds.getConnection(); PreparedStatement ps = c.prepareStatement(COLUMNS + where)) {
            ps.setLong(1, bind);
            List<Row> out = capacity == 0 ? new ArrayList<>() : new ArrayList<>(capacity);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    Row jdbcById(long id) throws SQLException {
        try (Connection c = f.db.ds.getConnection(); PreparedStatement ps = c.prepareStatement(COLUMNS + "where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    /** The same, with {@code $1} for the bind. */
    List<Row> r2dbc(String where, long bind) {
        return RawR2dbc.query(f.r2dbc, COLUMNS + where, st -> st.bind(0, bind), NarrowOps::map);
    }

    Row r2dbcById(long id) {
        return r2dbcByIdAsync(id).block();
    }

    Mono<Row> r2dbcByIdAsync(long id) {
        return RawR2dbc.flux(f.r2dbc, COLUMNS + "where id = $1", st -> st.bind(0, id), NarrowOps::map).singleOrEmpty();
    }

    Row jdbcInsert(int n) throws SQLException {
        try (Connection c = f.db.ds.getConnection();
             PreparedStatement ps = c.prepareStatement(INSERT + "(?, ?, ?)" + RETURNING)) {
            ps.setString(1, "n" + n);
            ps.setInt(2, n);
            ps.setBoolean(3, n % 2 == 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        }
    }

    Row r2dbcInsert(int n) {
        return RawR2dbc.one(f.r2dbc, INSERT + "($1, $2, $3)" + RETURNING,
                st -> st.bind(0, "n" + n).bind(1, n).bind(2, n % 2 == 1), NarrowOps::map);
    }

    Row jooqInsert(int n) {
        InsRec r = f.db.jooq.newRecord(INS);
        r.set(INS.NAME, "n" + n);
        r.set(INS.QTY, n);
        r.set(INS.ACTIVE, n % 2 == 1);
        r.store();
        return new Row(r.get(INS.ID), r.get(INS.NAME), r.get(INS.QTY), r.get(INS.ACTIVE));
    }

    /** jOOQ over R2DBC: a reactive UpdatableRecord store() does not exist, so an INSERT ... RETURNING. */
    Row jooqR2dbcInsert(int n) {
        DSLContext dsl = f.jooqR2dbc;
        return Mono.from(dsl.insertInto(INS, INS.NAME, INS.QTY, INS.ACTIVE).values("n" + n, n, n % 2 == 1)
                        .returning(INS.ID, INS.NAME, INS.QTY, INS.ACTIVE))
                .map(NarrowOps::mapIns)
                .block();
    }

    private static Row mapIns(Record r) {
        return new Row(r.get(INS.ID), r.get(INS.NAME), r.get(INS.QTY), r.get(INS.ACTIVE));
    }

    Row jooqR2dbcById(long id) {
        return Mono.from(f.jooqR2dbc.selectFrom(ITEMS).where(ITEMS.ID.eq(id))).map(NarrowOps::map).block();
    }

    List<Row> jooqR2dbcFetch(long last) {
        return Flux.from(f.jooqR2dbc.selectFrom(ITEMS).where(ITEMS.ID.le(last)).orderBy(ITEMS.ID))
                .map(NarrowOps::map).collectList().block();
    }

    List<Row> jooqR2dbcPage(long after, int page) {
        return Flux.from(f.jooqR2dbc.selectFrom(ITEMS).where(ITEMS.ID.gt(after)).orderBy(ITEMS.ID).limit(page))
                .map(NarrowOps::map).collectList().block();
    }
}
