package io.pgrecord.internal.model;

import io.pgrecord.internal.exec.BackendHandle;
import io.pgrecord.internal.types.Conversions;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Converter;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Record;

/** Maps rows into model instances: straight by position for the model's own projection, by name otherwise. */
public final class RowMapper {

    private RowMapper() {
    }

    /**
     * As {@link #mapAll}, into the rows' own list when it is mutable: the caller must not read
     * the rows afterwards. This saves a second list of the same size (4 KB per 1,000 rows).
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> mapAllInPlace(ModelMeta<T> meta, List<Object[]> rows, BackendHandle backend) {
        if (!(rows instanceof ArrayList<?>)) {
            return mapAll(meta, rows, backend);
        }
        ModelAccess access = ModelAccess.get();
        List<Object> reused = (List<Object>) (List<?>) rows;
        for (int i = 0; i < reused.size(); i++) {
            reused.set(i, map(meta, (Object[]) reused.get(i), backend, access));
        }
        return (List<T>) reused;
    }

    /** Rows selected with {@link ModelMeta#selectFields()}, in that order, as value arrays. */
    public static <T> List<T> mapAll(ModelMeta<T> meta, List<Object[]> rows, BackendHandle backend) {
        ModelAccess access = ModelAccess.get();
        List<T> models = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            models.add(map(meta, r, backend, access));
        }
        return models;
    }

    public static <T> T map(ModelMeta<T> meta, Object[] row, BackendHandle backend) {
        return map(meta, row, backend, ModelAccess.get());
    }

    private static <T> T map(ModelMeta<T> meta, Object[] row, BackendHandle backend, ModelAccess access) {
        T model = meta.newFilled(row);
        RecordState.markPersisted(meta, model, row);
        loaded(meta, model, backend, access);
        return model;
    }

    public static <T> T map(ModelMeta<T> meta, Record row, BackendHandle backend) {
        return map(meta, row.intoArray(), backend);
    }

    /**
     * A record of a query's rows: by position when the query selects the model's own projection,
     * by column name when it selects a projection of the caller's ({@code select(...)}).
     */
    public static <T> T map(ModelMeta<T> meta, Record row, BackendHandle backend, boolean ownProjection) {
        return ownProjection ? map(meta, row, backend) : mapByName(meta, row, backend);
    }

    /** Copies a RETURNING row (in projection order) into an existing instance. */
    public static void apply(ModelMeta<?> meta, Object model, Object[] row) {
        meta.fill(model, row);
    }

    /** Any record, e.g. from raw jOOQ: columns are matched by name and converted when needed. */
    public static <T> T mapByName(ModelMeta<T> meta, Record row, BackendHandle backend) {
        T model = meta.newInstance();
        List<FieldMeta> unread = null;
        for (FieldMeta f : meta.fields()) {
            int index = row.indexOf(f.column());
            if (index >= 0) {
                f.set(model, convert(meta, f, row.get(index)));
            } else if (f.isId() || f.isVersion()) {
                // a write needs them: without the row's values it must refuse, not guess
                if (unread == null) {
                    unread = new ArrayList<>(2);
                }
                unread.add(f);
            }
        }
        ModelAccess access = ModelAccess.get();
        RecordState.markPersisted(meta, model);
        if (unread != null) {
            for (FieldMeta f : unread) {
                RecordState.markUnread(model, f);
            }
        }
        loaded(meta, model, backend, access);
        return model;
    }

    /** Attaches a model just read and marked persisted to its backend, then runs its after-load hook if it has one. */
    private static void loaded(ModelMeta<?> meta, Object model, BackendHandle backend, ModelAccess access) {
        access.backend(model, backend);
        if (meta.overrides(Hook.AFTER_LOAD)) {
            access.fire(model, Hook.AFTER_LOAD);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(ModelMeta<?> meta, FieldMeta f, Object v) {
        Class<?> target = box(f.type());
        if (v == null || target.isInstance(v)) {
            return v;
        }
        // an untyped field(...) of an array column: pgjdbc hands over its own Array object
        Object value = v instanceof java.sql.Array array ? elements(meta, f, array) : v;
        if (target.isInstance(value)) {
            return value;
        }
        Object converted;
        try {
            Converter<Object, Object> converter = (Converter) f.dataType().getConverter();
            Class<?> from = converter.fromType();
            Object db = from == String.class ? value.toString()
                    : from == JSONB.class ? JSONB.valueOf(value.toString())
                    : from == JSON.class ? JSON.valueOf(value.toString()) : value;
            if (from != target && from.isInstance(db)) {
                converted = converter.from(db);
                if (converted == null || target.isInstance(converted)) {
                    return converted;
                }
            }
            converted = Conversions.convert(value, target);
        } catch (RuntimeException e) {
            throw ModelErrors.mismatch(meta, f, "read as " + value.getClass().getTypeName(), e.getMessage(), e);
        }
        if (converted == null) {
            // jOOQ's conversions give null for what it cannot parse, e.g. "Anne" as an Integer: no value to store silently
            throw ModelErrors.mismatch(meta, f, "read as " + value.getClass().getTypeName(),
                    shortened(value) + " does not convert to " + target.getTypeName(), null);
        }
        return converted;
    }

    private static Object elements(ModelMeta<?> meta, FieldMeta f, java.sql.Array array) {
        try {
            return array.getArray();
        } catch (java.sql.SQLException e) {
            throw ModelErrors.mismatch(meta, f, "read as an array", e.getMessage(), e);
        }
    }

    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() <= 64 ? text : text.substring(0, 64) + "...") + "'";
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return MethodType.methodType(c).wrap().returnType();
    }
}
