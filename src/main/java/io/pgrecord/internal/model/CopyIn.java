package io.pgrecord.internal.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.types.BinaryValues;
import io.pgrecord.internal.types.BindValues;
import io.pgrecord.internal.types.ColumnKind;
import io.pgrecord.internal.types.DirectType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Plans {@code copyIn}: which columns to copy, then the columns' server types, then binary
 * {@code COPY} when every value has a binary form for its column's type, text otherwise.
 * <p>
 * The types come from the catalog on every call, one short query before the copy: binary input
 * has no casts, so a {@code Long} field on an {@code integer} column must be sent as four bytes,
 * and a type kept from an earlier call could be stale after an {@code ALTER TABLE}, where eight
 * bytes of a {@code bigint} would be read as a {@code double precision} without complaint.
 */
final class CopyIn {

    private static final String COLUMN_TYPES = """
            select a.attname::text, b.oid::int8, b.typtype = 'e', \
            case when b.typcategory = 'A' then e.oid::int8 else 0 end, coalesce(e.typtype = 'e', false), \
            t.typreceive <> 0 \
            from pg_catalog.pg_attribute a \
            join pg_catalog.pg_type t on t.oid = a.atttypid \
            join pg_catalog.pg_type b on b.oid = coalesce(nullif(t.typbasetype, 0), t.oid) \
            left join pg_catalog.pg_type e on e.oid = b.typelem and b.typcategory = 'A' \
            where a.attrelid = pg_catalog.to_regclass({0}) and a.attnum > 0 and not a.attisdropped""";
    private static final DirectType[] COLUMN_TYPE_KINDS = DirectType.plain(ColumnKind.TEXT, ColumnKind.LONG, ColumnKind.BOOL,
        ColumnKind.LONG, ColumnKind.BOOL, ColumnKind.BOOL);

    private CopyIn() {
    }

    /**
     * Money columns and models with nothing set are refused before any SQL; a value that cannot
     * be encoded (an out-of-range integer, an unpaired surrogate) is refused after the read-only
     * type lookup, before the COPY.
     */
    static <T> Work<Long> work(ModelMeta<T> meta, List<T> models, ObjectMapper json) {
        List<FieldMeta> columns = columns(meta, models);
        var dsl = DSL.using(SQLDialect.POSTGRES);
        String table = dsl.render(meta.table());
        StringBuilder head = new StringBuilder("COPY ").append(table).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            head.append(i == 0 ? "" : ", ").append(dsl.render(DSL.name(columns.get(i).column())));
        }
        String sql = head.append(") FROM STDIN").toString();
        ResultQuery<Record> types = DSL.resultQuery(COLUMN_TYPES, DSL.val(table, SQLDataType.VARCHAR));
        return new Work.Rows<>(types, null, COLUMN_TYPE_KINDS, rows -> {
            BinaryValues.Writer[] writers = writers(columns, rows, json);
            CopyData data = writers == null ? null : CopyBinary.encode(sql, columns, writers, models, json);
            if (data == null) {
                data = CopyText.encode(sql, columns, models, json);
            }
            return new Work.Copy<>(data.sql(), data.chunks(), Work::done);
        });
    }

    /**
     * Which columns' values are checked by their field's type before they are converted, as a
     * bind's are: JSON for unpaired surrogates before Jackson writes it, so the error names the
     * column, as it does for text; oid for its range, which its text input would wrap.
     */
    static boolean[] typeChecked(List<FieldMeta> columns) {
        boolean[] checked = new boolean[columns.size()];
        for (int i = 0; i < checked.length; i++) {
            checked[i] = BindValues.checksByType(columns.get(i).dataType());
        }
        return checked;
    }

    /** The fields set in some model, refused before any SQL when one is money or none is set. */
    private static <T> List<FieldMeta> columns(ModelMeta<T> meta, List<T> models) {
        List<FieldMeta> columns = BulkWrites.setColumns(meta, models);
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
        return columns;
    }

    /**
     * Each column's binary writer of its field's values, or null when some column's type has none
     * (or was not found), or when some column of the table has no binary input function: the
     * server looks those up for every column, copied or not (ltree before PostgreSQL 13, say).
     */
    private static BinaryValues.Writer[] writers(List<FieldMeta> columns, List<Object[]> rows, ObjectMapper json) {
        Map<String, BinaryValues.ServerType> byName = new HashMap<>();
        for (Object[] r : rows) {
            if (!(Boolean) r[5]) {
                return null;
            }
            byName.put((String) r[0], new BinaryValues.ServerType((Long) r[1], (Boolean) r[2], (Long) r[3], (Boolean) r[4]));
        }
        BinaryValues.Writer[] writers = new BinaryValues.Writer[columns.size()];
        for (int i = 0; i < writers.length; i++) {
            FieldMeta f = columns.get(i);
            BinaryValues.ServerType type = byName.get(f.column());
            if (type == null) {
                return null;
            }
            BinaryValues.Writer direct = BinaryValues.forFieldValue(type, f.dataType());
            BinaryValues.Writer converted = direct == null ? BinaryValues.forType(type) : null;
            if (direct == null && converted == null) {
                return null;
            }
            writers[i] = direct != null ? direct : CopyBinary.converting(f, converted, json);
        }
        return writers;
    }
}
