package io.pgrecord.internal.model;

import io.pgrecord.Errors;
import io.pgrecord.internal.exec.BackendHandle;

/**
 * A bridge to the bookkeeping and hooks of {@code io.pgrecord.Model} instances, so the core can
 * drive models without making their internals public. {@code Model} installs it when it is
 * initialised; every call passes a model or one of its relations, whose existence means
 * {@code Model} is initialised, so the bridge is always there when asked for.
 */
public abstract class ModelAccess {

    private static volatile ModelAccess instance;

    public static void install(ModelAccess access) {
        instance = access;
    }

    public static ModelAccess get() {
        ModelAccess a = instance;
        if (a == null) {
            throw new IllegalStateException("the model bridge is not installed: no io.pgrecord.Model is initialised");
        }
        return a;
    }

    /** The values the database last held (see {@link RecordState}), or null for a new instance. */
    public abstract Object[] snapshot(Object model);

    public abstract void snapshot(Object model, Object[] snapshot);

    public abstract BackendHandle backend(Object model);

    public abstract void backend(Object model, BackendHandle backend);

    public abstract LoadOrigin loadOrigin(Object model);

    public abstract void loadOrigin(Object model, LoadOrigin origin);

    /** Calls the model's hook method; an exception from it propagates unchanged. */
    public abstract void fire(Object model, Hook hook);

    /** The join of a relation object. */
    public abstract RelationSpec relationSpec(Object relation);

    /** Stores an eagerly loaded value in a relation object: a List for to-many relations, else a model or null. */
    public abstract void preload(Object relation, Object value);

    /** Calls the model's {@code validate(Errors)}. */
    public abstract void validate(Object model, Errors errors);
}
