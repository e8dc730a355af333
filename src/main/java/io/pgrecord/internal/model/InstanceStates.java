package io.pgrecord.internal.model;

import io.pgrecord.internal.exec.Work;
import java.util.List;
import java.util.function.Supplier;

/**
 * What instances held before a write, put back when the write is rolled back: a write whose
 * after-hook throws runs in a transaction of its own (a savepoint inside one), as Rails runs
 * {@code after_save}, so the hook's failure leaves neither the row nor the instance changed.
 */
final class InstanceStates {

    private InstanceStates() {
    }

    /**
     * Whether the model overrides after-hook {@code a} or {@code b} of a write: only then can the
     * write fail after its statement. Two parameters, not varargs: a save asks on every call.
     */
    static boolean hooked(ModelMeta<?> meta, Hook a, Hook b) {
        return meta.overrides(a) || meta.overrides(b);
    }

    /**
     * The write of one instance, or of a list of them, planned when it runs: should the
     * transaction it runs in be rolled back later, the instances go back as they were before it,
     * before-hooks and timestamps included (see {@link Work.Tracked}).
     */
    static <W> Work<W> tracked(ModelMeta<?> meta, Object modelOrList, Supplier<Work<W>> plan) {
        List<?> models = modelOrList instanceof List<?> list ? list : List.of(modelOrList);
        return new Work.Tracked<W>() {
            @Override
            public Runnable captureState() {
                return capture(meta, models);
            }

            @Override
            public Work<W> plan() {
                return plan.get();
            }
        };
    }

    /** {@code work} in one transaction, with the instances put back as they are now if it fails. */
    static <W> Work<W> atomic(ModelMeta<?> meta, List<?> models, Work<W> work) {
        return Work.pinned(work, capture(meta, models));
    }

    /** Restores every field and the persisted state of the instances as they are now. */
    static Runnable capture(ModelMeta<?> meta, List<?> models) {
        List<FieldMeta> fields = meta.fields();
        ModelAccess access = ModelAccess.get();
        Object[][] values = new Object[models.size()][];
        Object[][] snapshots = new Object[models.size()][];
        for (int i = 0; i < values.length; i++) {
            Object m = models.get(i);
            Object[] v = new Object[fields.size()];
            for (int f = 0; f < v.length; f++) {
                v[f] = fields.get(f).get(m);
            }
            values[i] = v;
            snapshots[i] = access.snapshot(m);
        }
        return () -> {
            for (int i = 0; i < values.length; i++) {
                Object m = models.get(i);
                for (int f = 0; f < fields.size(); f++) {
                    fields.get(f).set(m, values[i][f]);
                }
                access.snapshot(m, snapshots[i]);
            }
        };
    }
}
