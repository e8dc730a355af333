package io.pgrecord.internal.model;

import io.pgrecord.internal.types.TypeMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Encodes models as {@code COPY ... FROM STDIN} text: one line per row, tab-separated, with
 * PostgreSQL's text form of each value and {@code \N} for NULL. Columns that are null in every
 * row are left out, so their defaults (identity, DEFAULT) apply.
 */
public final class CopyText {

    private static final int CHUNK = 64 * 1024;

    private final String sql;
    private final List<byte[]> chunks;

    private CopyText(String sql, List<byte[]> chunks) {
        this.sql = sql;
        this.chunks = chunks;
    }

    public String sql() {
        return sql;
    }

    public List<byte[]> chunks() {
        return chunks;
    }

    public static <T> CopyText encode(ModelMeta<T> meta, List<T> models) {
        List<FieldMeta> columns = new ArrayList<>();
        for (FieldMeta f : meta.fields()) {
            if (!f.isGenerated() && models.stream().anyMatch(m -> f.get(m) != null)) {
                columns.add(f);
            }
        }
        for (FieldMeta f : columns) {
            if (f.sqlType().equals("money")) {
                // COPY reads money with cash_in, whose decimal and group separators follow
                // lc_monetary: "12.34" is 1234 under de_DE. No text form is exact everywhere.
                throw new IllegalArgumentException("copyIn cannot write money column " + f.column() + " (field "
                        + f.javaName() + ") exactly: its text input depends on lc_monetary; use insertAll");
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("copyIn of " + meta.type().getSimpleName() + " needs at least one non-null field");
        }
        var dsl = DSL.using(SQLDialect.POSTGRES);
        StringBuilder sql = new StringBuilder("COPY ").append(dsl.render(meta.table())).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dsl.render(DSL.name(columns.get(i).column())));
        }
        sql.append(") FROM STDIN");

        List<byte[]> chunks = new ArrayList<>();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 4096);
        StringBuilder line = new StringBuilder(256);
        for (T model : models) {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append('\t');
                }
                FieldMeta f = columns.get(i);
                appendValue(line, f, f.get(model));
            }
            line.append('\n');
            buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
            if (buffer.size() >= CHUNK) {
                chunks.add(buffer.toByteArray());
                buffer.reset();
            }
        }
        if (buffer.size() > 0) {
            chunks.add(buffer.toByteArray());
        }
        return new CopyText(sql.toString(), chunks);
    }

    private static void appendValue(StringBuilder out, FieldMeta f, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        Object db = TypeMapper.databaseValue(f.dataType(), value);
        if (db == null) {
            out.append("\\N");
            return;
        }
        try {
            escape(out, db instanceof Object[] a ? array(a, TypeMapper.arrayDelimiter(f.dataType())) : text(db));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("copyIn cannot encode field " + f.javaName() + " of type "
                    + f.type().getName() + ": " + e.getMessage(), e);
        }
    }

    /** PostgreSQL's text input form of a driver-level value. */
    static String text(Object v) {
        return switch (v) {
            case String s -> s;
            case Boolean b -> b ? "t" : "f";
            case java.math.BigDecimal d -> d.toPlainString();
            case Double d -> d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString();
            case Float d -> d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString();
            case Number n -> n.toString();
            case byte[] b -> "\\x" + HexFormat.of().formatHex(b);
            case JSONB j -> j.data();
            case JSON j -> j.data();
            case Object[] a -> array(a, ',');
            case java.sql.Date d -> d.toLocalDate().toString();
            case java.sql.Timestamp t -> t.toLocalDateTime().toString();
            default -> v.toString();
        };
    }

    private static String array(Object[] a, char delimiter) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            if (a[i] == null) {
                sb.append("NULL");
            } else if (a[i] instanceof Object[] inner) {
                sb.append(array(inner, delimiter));
            } else {
                sb.append('"').append(text(a[i]).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append('}').toString();
    }

    private static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
