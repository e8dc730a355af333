package io.pgrecord.internal.model;

import io.pgrecord.Errors;

/**
 * A bridge to the bookkeeping and hooks of {@code io.pgrecord.Model} instances, installed by
 * that class, so the core can drive models without making their internals public.
 */
public abstract class ModelAccess {

    private static volatile ModelAccess instance;

    public static void install(ModelAccess access) {
        instance = access;
    }

    public static ModelAccess get() {
        ModelAccess a = instance;
        if (a == null) {
            try {
                Class.forName("io.pgrecord.Model", true, ModelAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = instance;
        }
        return a;
    }

    public abstract RecordState state(Object model);

    /** Calls the model's hook method; an exception from it propagates unchanged. */
    public abstract void fire(Object model, Hook hook);

    /** Whether a field type is one of the relation classes. */
    public abstract boolean isRelationType(Class<?> type);

    /** The join of a relation object. */
    public abstract RelationSpec relationSpec(Object relation);

    /** Stores an eagerly loaded value in a relation object: a List for to-many relations, else a model or null. */
    public abstract void preload(Object relation, Object value);

    /** Calls the model's {@code validate(Errors)}. */
    public abstract void validate(Object model, Errors errors);
}
