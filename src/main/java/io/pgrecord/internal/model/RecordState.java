package io.pgrecord.internal.model;

import io.pgrecord.internal.exec.BackendHandle;
import io.pgrecord.internal.types.DirectType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A model instance's bookkeeping: the values last read from or written to the database (null
 * for a new instance) and the backend it belongs to. The fields are the model's own (reached
 * through {@link ModelAccess}), not a separate object: one object less per row read.
 */
public final class RecordState {

    /** The snapshot of an instance whose row it hard-deleted: a flag that costs no field in every instance. */
    private static final Object[] DELETED = new Object[0];

    private RecordState() {
    }

    public static boolean isNew(Object model) {
        Object[] snapshot = ModelAccess.get().snapshot(model);
        return snapshot == null || snapshot == DELETED;
    }

    /**
     * Whether this instance's row was hard-deleted through it, and it was not saved again since:
     * such an instance is new again ({@link #isNew}), a later save inserts it anew.
     */
    public static boolean isDeleted(Object model) {
        return ModelAccess.get().snapshot(model) == DELETED;
    }

    /** Records the current field values as what the database holds. */
    public static void markPersisted(ModelMeta<?> meta, Object model) {
        List<FieldMeta> fields = meta.fields();
        Object[] s = new Object[fields.size()];
        for (int i = 0; i < s.length; i++) {
            FieldMeta f = fields.get(i);
            s[i] = f.snapshot(f.get(model));
        }
        ModelAccess.get().snapshot(model, s);
    }

    /**
     * Records a row just read into the instance as what the database holds, without reading
     * the fields back; a primitive field keeps its current value where the column was null.
     */
    public static void markPersisted(ModelMeta<?> meta, Object model, Object[] row) {
        List<FieldMeta> fields = meta.fields();
        if (meta.columnKinds() != null) {
            // the row array is this instance's alone: it becomes the snapshot, with copies of
            // the values the instance may change in place
            for (FieldMeta f : meta.primitiveFields()) {
                if (row[f.index()] == null) {
                    row[f.index()] = f.get(model);
                }
            }
            // a JSON tree's or a list's snapshot is made from what the driver read, when the row carries it
            DirectType[] columns = meta.columnKinds();
            int read = row.length > fields.size() ? fields.size() : -1;
            for (FieldMeta f : meta.mutableFields()) {
                int i = f.index();
                row[i] = read >= 0 && columns[i].readSnapshot() ? row[read++] : f.snapshot(row[i]);
            }
            ModelAccess.get().snapshot(model, row);
            return;
        }
        Object[] s = new Object[fields.size()];
        for (int i = 0; i < s.length; i++) {
            FieldMeta f = fields.get(i);
            Object v = row[i];
            s[i] = v == null && f.type().isPrimitive() ? f.get(model) : f.snapshot(v);
        }
        ModelAccess.get().snapshot(model, s);
    }

    /**
     * What a snapshot holds for a key or version field that the query which loaded the instance
     * did not select (a {@code select(...)} projection mapped by name): the field's value then,
     * which says nothing of the row's. Only that path makes one.
     */
    private record Unread(Object value) {
    }

    /** Records that the instance's row was read without {@code f}'s column; after {@link #markPersisted}. */
    static void markUnread(Object model, FieldMeta f) {
        Object[] snapshot = ModelAccess.get().snapshot(model);
        snapshot[f.index()] = new Unread(snapshot[f.index()]);
    }

    /** Whether the column of {@code f} was read into a persisted instance; true for a new one. */
    public static boolean wasRead(Object model, FieldMeta f) {
        return isNew(model) || !(ModelAccess.get().snapshot(model)[f.index()] instanceof Unread);
    }

    /** Forgets the database state: the instance is new again. */
    public static void markNew(Object model) {
        ModelAccess.get().snapshot(model, null);
    }

    /** After a hard delete: the instance is new again, and remembers that its row was deleted. */
    public static void markDeleted(Object model) {
        ModelAccess.get().snapshot(model, DELETED);
    }

    /** The fields whose value differs from the snapshot; every field of a new instance. */
    public static List<FieldMeta> dirty(ModelMeta<?> meta, Object model) {
        List<FieldMeta> fields = meta.fields();
        if (isNew(model)) {
            return fields;
        }
        Object[] snapshot = ModelAccess.get().snapshot(model);
        List<FieldMeta> dirty = new ArrayList<>();
        // a snapshot may be longer than the fields: see markPersisted
        for (int i = 0; i < fields.size(); i++) {
            FieldMeta f = fields.get(i);
            if (!f.sameAs(snapshot[i] instanceof Unread u ? u.value() : snapshot[i], f.get(model))) {
                dirty.add(f);
            }
        }
        return dirty;
    }

    public static Set<String> dirtyFieldNames(ModelMeta<?> meta, Object model) {
        Set<String> names = new LinkedHashSet<>();
        for (FieldMeta f : dirty(meta, model)) {
            names.add(f.javaName());
        }
        return names;
    }

    /**
     * The snapshot value of a field (what the database held), or null for a new instance; for a
     * field not read ({@link #wasRead}), what it held when the instance was loaded.
     */
    public static Object persistedValue(Object model, FieldMeta field) {
        Object value = isNew(model) ? null : ModelAccess.get().snapshot(model)[field.index()];
        return value instanceof Unread u ? u.value() : value;
    }

    public static BackendHandle backend(Object model) {
        return ModelAccess.get().backend(model);
    }

    public static void backend(Object model, BackendHandle backend) {
        ModelAccess.get().backend(model, backend);
    }

    /** The strict mode and N+1 count of the query that loaded this instance; null by default. */
    public static LoadOrigin loadOrigin(Object model) {
        return ModelAccess.get().loadOrigin(model);
    }

    public static void loadOrigin(Object model, LoadOrigin origin) {
        ModelAccess.get().loadOrigin(model, origin);
    }
}
