package io.pgrecord.internal.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.internal.types.BindValues;
import io.pgrecord.internal.types.CopyBuffer;
import io.pgrecord.internal.types.DateTimeText;
import io.pgrecord.internal.types.TypeMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.jooq.JSON;
import org.jooq.JSONB;

/**
 * Encodes models as {@code COPY ... FROM STDIN} text: one line per row, tab-separated, with
 * PostgreSQL's text form of each value and {@code \N} for NULL. The fallback of {@link CopyIn}
 * for values that have no binary form here.
 */
final class CopyText {

    private CopyText() {
    }

    static <T> CopyData encode(String head, List<FieldMeta> columns, List<T> models, ObjectMapper json) {
        CopyBuffer out = new CopyBuffer();
        StringBuilder line = new StringBuilder(256);
        boolean[] typeChecked = CopyIn.typeChecked(columns);
        for (T model : models) {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append('\t');
                }
                FieldMeta f = columns.get(i);
                Object value = f.get(model);
                if (typeChecked[i]) {
                    BindValues.check(f.column(), f.dataType(), value, json);
                }
                appendValue(line, f, value, json);
            }
            line.append('\n');
            out.bytes(line.toString().getBytes(StandardCharsets.UTF_8));
            out.endRow();
        }
        return new CopyData(head, out.chunks());
    }

    private static void appendValue(StringBuilder out, FieldMeta f, Object value, ObjectMapper json) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        Object db = TypeMapper.databaseValue(f.dataType(), value, json);
        if (db == null) {
            out.append("\\N");
            return;
        }
        BindValues.check(f.column(), Object.class, db);
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
            case BigDecimal d -> d.toPlainString();
            case Double d -> d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString();
            case Float d -> d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString();
            case Number n -> n.toString();
            case byte[] b -> "\\x" + HexFormat.of().formatHex(b);
            case JSONB j -> j.data();
            case JSON j -> j.data();
            case Object[] a -> array(a, ',');
            case Date d -> DateTimeText.formatDate(d.toLocalDate());
            case Timestamp t -> DateTimeText.formatTimestamp(t.toLocalDateTime());
            // BC as "0044-03-15 BC", no '+' past 9999, MAX and MIN as the infinities, as a bind has them
            case LocalDate d -> DateTimeText.formatDate(d);
            case LocalDateTime t -> DateTimeText.formatTimestamp(t);
            case OffsetDateTime t -> DateTimeText.formatTimestampTz(t);
            case Instant t -> DateTimeText.formatInstant(t);
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
