package io.pgrecord;

import io.pgrecord.internal.exec.BackendHandle;
import io.pgrecord.internal.model.Hook;
import io.pgrecord.internal.model.LoadOrigin;
import io.pgrecord.internal.model.ModelAccess;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.model.RecordState;
import io.pgrecord.internal.model.RelationSpec;
import java.util.Set;

/**
 * What blocking and reactive models share: lifecycle hooks, validation and dirty tracking.
 * Extend {@link ActiveRecord} or {@link AsyncActiveRecord}, not this class. Model instances are
 * not thread-safe.
 *
 * <p>Hooks are {@code protected void} methods with no arguments, called around writes and after
 * loads. An exception thrown by a hook propagates unchanged; one thrown by a before-hook aborts
 * the operation before any SQL is sent.
 */
public abstract sealed class Model permits ActiveRecord, AsyncActiveRecord {

    static {
        ModelAccess.install(new ModelAccess() {
            @Override
            public Object[] snapshot(Object model) {
                return ((Model) model).snapshot;
            }

            @Override
            public void snapshot(Object model, Object[] snapshot) {
                ((Model) model).snapshot = snapshot;
            }

            @Override
            public BackendHandle backend(Object model) {
                return ((Model) model).backend;
            }

            @Override
            public void backend(Object model, BackendHandle backend) {
                ((Model) model).backend = backend;
            }

            @Override
            public LoadOrigin loadOrigin(Object model) {
                return ((Model) model).loadOrigin;
            }

            @Override
            public void loadOrigin(Object model, LoadOrigin origin) {
                ((Model) model).loadOrigin = origin;
            }

            @Override
            public void fire(Object model, Hook hook) {
                ((Model) model).fire(hook);
            }

            @Override
            public void validate(Object model, Errors errors) {
                ((Model) model).validate(errors);
            }

            @Override
            public RelationSpec relationSpec(Object relation) {
                return ((Relation<?>) relation).spec;
            }

            @Override
            public void preload(Object relation, Object value) {
                ((Relation<?>) relation).preload(value);
            }
        });
    }

    // the bookkeeping RecordState reads and writes, as fields here rather than an object per instance
    private transient Object[] snapshot;
    private transient BackendHandle backend;
    private transient LoadOrigin loadOrigin;

    Model() {
    }

    /**
     * True for an instance built by user code and never saved or loaded, and for one whose row
     * it hard-deleted (a later save inserts it anew).
     */
    public boolean isNew() {
        return RecordState.isNew(this);
    }

    /** True when a persisted field differs from what the database last held (always true for a new instance). */
    public boolean isDirty() {
        return !RecordState.dirty(meta(), this).isEmpty();
    }

    /** The Java names of the fields that differ from what the database last held. */
    public Set<String> dirtyFields() {
        return RecordState.dirtyFieldNames(meta(), this);
    }

    /** Override to add validation messages; a message fails the write before any SQL. */
    protected void validate(Errors errors) {
    }

    protected void beforeSave() {
    }

    protected void afterSave() {
    }

    protected void beforeInsert() {
    }

    protected void afterInsert() {
    }

    protected void beforeUpdate() {
    }

    protected void afterUpdate() {
    }

    protected void beforeDelete() {
    }

    protected void afterDelete() {
    }

    protected void afterLoad() {
    }

    private void fire(Hook hook) {
        switch (hook) {
            case BEFORE_SAVE -> beforeSave();
            case AFTER_SAVE -> afterSave();
            case BEFORE_INSERT -> beforeInsert();
            case AFTER_INSERT -> afterInsert();
            case BEFORE_UPDATE -> beforeUpdate();
            case AFTER_UPDATE -> afterUpdate();
            case BEFORE_DELETE -> beforeDelete();
            case AFTER_DELETE -> afterDelete();
            case AFTER_LOAD -> afterLoad();
        }
    }

    ModelMeta<?> meta() {
        return ModelMeta.of(getClass());
    }

    /** The backend this instance was loaded from or last written through, or null. */
    BackendHandle backendHandle() {
        return backend;
    }

    void backendHandle(BackendHandle backend) {
        this.backend = backend;
    }
}
