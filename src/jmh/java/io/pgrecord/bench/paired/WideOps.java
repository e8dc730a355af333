package io.pgrecord.bench.paired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.postgresql.codec.Json;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The hand-written variants on the wide tables (bench_wide, bench_wide_ins), raw JDBC and raw
 * r2dbc-postgresql, mapping into the same Java types as the model: jsonb into a Jackson tree,
 * text[] into a list, inet into an {@code InetAddress}.
 */
final class WideOps {

    static final String COLUMNS = "id, title, code, qty, price, active, created_at, day, ref, payload, tags, ip";
    static final String SELECT = "select " + COLUMNS + " from bench_wide ";
    static final String INSERT = "insert into bench_wide_ins (title, code, qty, price, active, created_at, day, ref, payload, "
            + "tags, ip) values ";

    private final Fixture f;

    WideOps(Fixture f) {
        this.f = f;
    }

    /** A generated row: the same values for every variant, {@code prefix + n} as its title. */
    static WideRow row(ObjectMapper json, String prefix, int n) {
        try {
            return new WideRow(null, prefix + n, "C-" + n, n, BigDecimal.valueOf(n * 7L % 10_000_000, 2), n % 3 == 0,
                    OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(n), LocalDate.of(2024, 1, 1).plusDays(n % 365),
                    new UUID(n, 31L * n), json.createObjectNode().put("n", n).put("kind", "k" + n % 7), List.of("a" + n % 5, "b" + n % 3),
                    InetAddress.getByAddress(new byte[] {10, 1, (byte) (n >> 8), (byte) n}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<WideRow> rows(ObjectMapper json, String prefix, int count) {
        List<WideRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(row(json, prefix, i));
        }
        return rows;
    }

    WideRow map(ResultSet rs) throws SQLException {
        return new WideRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5), rs.getBoolean(6),
                rs.getObject(7, OffsetDateTime.class), rs.getObject(8, LocalDate.class), rs.getObject(9, UUID.class),
                tree(rs.getString(10)), Arrays.asList((String[]) rs.getArray(11).getArray()), inet(rs.getString(12)));
    }

    WideRow map(io.r2dbc.spi.Row r) {
        return map(r, r.get(9, String.class));
    }

    /**
     * As {@link #map(io.r2dbc.spi.Row)}, with jsonb read through r2dbc's {@link Json}: with
     * forceBinary, a binary jsonb read as a {@code String} keeps the format's version byte.
     */
    WideRow mapJsonCodec(io.r2dbc.spi.Row r) {
        return map(r, r.get(9, Json.class).asString());
    }

    private WideRow map(io.r2dbc.spi.Row r, String payload) {
        return new WideRow(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Integer.class),
                r.get(4, BigDecimal.class), r.get(5, Boolean.class), r.get(6, OffsetDateTime.class), r.get(7, LocalDate.class),
                r.get(8, UUID.class), tree(payload), Arrays.asList(r.get(10, String[].class)), r.get(11, InetAddress.class));
    }

    JsonNode tree(String text) {
        try {
            return f.json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static InetAddress inet(String literal) {
        try {
            // a literal address: no name lookup
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    List<WideRow> jdbc(String where, long bind, int expected) throws SQLException {
        try (Connection c = f.db.ds.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            ps.setLong(1, bind);
            List<WideRow> out = new ArrayList<>(expected);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    List<WideRow> r2dbc(String where, long bind) {
        return RawR2dbc.query(f.r2dbc, SELECT + where, st -> st.bind(0, bind), this::map);
    }

    /** Binds the eleven written columns, in INSERT order. */
    void bind(PreparedStatement ps, Connection c, WideRow r) throws SQLException {
        ps.setString(1, r.title());
        ps.setString(2, r.code());
        ps.setInt(3, r.qty());
        ps.setBigDecimal(4, r.price());
        ps.setBoolean(5, r.active());
        ps.setObject(6, r.createdAt());
        ps.setObject(7, r.day());
        ps.setObject(8, r.ref());
        // the pool sends strings untyped (stringtype=unspecified), so the server casts to jsonb and inet
        ps.setString(9, r.payload().toString());
        ps.setArray(10, c.createArrayOf("text", r.tags().toArray()));
        ps.setString(11, r.ip().getHostAddress());
    }

    WideRow jdbcInsert(WideRow r) throws SQLException {
        try (Connection c = f.db.ds.getConnection();
             PreparedStatement ps = c.prepareStatement(INSERT + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)) {
            bind(ps, c, r);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        }
    }

    WideRow r2dbcInsert(WideRow r) {
        return RawR2dbc.one(f.r2dbc, INSERT + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning " + COLUMNS,
                st -> st.bind(0, r.title()).bind(1, r.code()).bind(2, r.qty()).bind(3, r.price()).bind(4, r.active())
                        .bind(5, r.createdAt()).bind(6, r.day()).bind(7, r.ref()).bind(8, Json.of(r.payload().toString()))
                        .bind(9, r.tags().toArray(new String[0])).bind(10, r.ip()),
                this::map);
    }

    /** pgjdbc batch (reWriteBatchedInserts makes it multi-row INSERTs). */
    int jdbcBatch(List<WideRow> rows) throws SQLException {
        try (Connection c = f.db.ds.getConnection();
             PreparedStatement ps = c.prepareStatement(INSERT + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (WideRow r : rows) {
                bind(ps, c, r);
                ps.addBatch();
            }
            int n = 0;
            for (int k : ps.executeBatch()) {
                n += k == java.sql.Statement.SUCCESS_NO_INFO ? 1 : k;
            }
            return n;
        }
    }

    /** What bench_wide_ins holds, without ids, in title order. */
    List<WideRow> stored() throws SQLException {
        try (Connection c = f.db.ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from bench_wide_ins order by title")) {
            List<WideRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs).withoutId().normalized());
                }
            }
            return out;
        }
    }
}
