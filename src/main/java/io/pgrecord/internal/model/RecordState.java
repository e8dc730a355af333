package io.pgrecord.internal.model;

import io.pgrecord.internal.exec.BackendHandle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A model instance's bookkeeping: the values last read from or written to the database (null
 * for a new instance) and the backend it belongs to.
 */
public final class RecordState {

    /** The snapshot of an instance whose row it hard-deleted: a flag that costs no field in every instance. */
    private static final Object[] DELETED = new Object[0];

    /** Null for a new instance, {@link #DELETED} for a deleted one. */
    private Object[] snapshot;
    private BackendHandle backend;
    private LoadOrigin loadOrigin;

    public boolean isNew() {
        return snapshot == null || snapshot == DELETED;
    }

    /**
     * Whether this instance's row was hard-deleted through it, and it was not saved again since:
     * such an instance is new again ({@link #isNew()}), a later save inserts it anew.
     */
    public boolean isDeleted() {
        return snapshot == DELETED;
    }

    /** Records the current field values as what the database holds. */
    public void markPersisted(ModelMeta<?> meta, Object model) {
        List<FieldMeta> fields = meta.fields();
        Object[] s = new Object[fields.size()];
        for (int i = 0; i < s.length; i++) {
            FieldMeta f = fields.get(i);
            s[i] = f.snapshot(f.get(model));
        }
        snapshot = s;
    }

    /**
     * Records a row just read into the instance as what the database holds, without reading
     * the fields back; a primitive field keeps its current value where the column was null.
     */
    public void markPersisted(ModelMeta<?> meta, Object model, Object[] row) {
        List<FieldMeta> fields = meta.fields();
        if (meta.columnKinds() != null) {
            // every value is of an immutable type, and the row array is this instance's alone
            for (FieldMeta f : meta.primitiveFields()) {
                if (row[f.index()] == null) {
                    row[f.index()] = f.get(model);
                }
            }
            snapshot = row;
            return;
        }
        Object[] s = new Object[fields.size()];
        for (int i = 0; i < s.length; i++) {
            FieldMeta f = fields.get(i);
            Object v = row[i];
            s[i] = v == null && f.type().isPrimitive() ? f.get(model) : f.snapshot(v);
        }
        snapshot = s;
    }

    /** Forgets the database state: the instance is new again. */
    public void markNew() {
        snapshot = null;
    }

    /** After a hard delete: the instance is new again, and remembers that its row was deleted. */
    public void markDeleted() {
        snapshot = DELETED;
    }

    /** The fields whose value differs from the snapshot; every field of a new instance. */
    public List<FieldMeta> dirty(ModelMeta<?> meta, Object model) {
        List<FieldMeta> fields = meta.fields();
        if (isNew()) {
            return fields;
        }
        List<FieldMeta> dirty = new ArrayList<>();
        for (int i = 0; i < snapshot.length; i++) {
            FieldMeta f = fields.get(i);
            if (!f.sameAs(snapshot[i], f.get(model))) {
                dirty.add(f);
            }
        }
        return dirty;
    }

    public Set<String> dirtyFieldNames(ModelMeta<?> meta, Object model) {
        Set<String> names = new LinkedHashSet<>();
        for (FieldMeta f : dirty(meta, model)) {
            names.add(f.javaName());
        }
        return names;
    }

    /** The snapshot value of a field (what the database held), or null for a new instance. */
    public Object persistedValue(ModelMeta<?> meta, FieldMeta field) {
        return isNew() ? null : snapshot[field.index()];
    }

    public BackendHandle backend() {
        return backend;
    }

    public void backend(BackendHandle backend) {
        this.backend = backend;
    }

    /** The strict mode and N+1 count of the query that loaded this instance; null by default. */
    public LoadOrigin loadOrigin() {
        return loadOrigin;
    }

    public void loadOrigin(LoadOrigin origin) {
        this.loadOrigin = origin;
    }
}
