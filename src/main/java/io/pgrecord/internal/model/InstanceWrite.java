package io.pgrecord.internal.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.internal.exec.Work;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A save, insert, update or delete of one instance as {@link Work.Tracked}: planned when it runs,
 * after a transaction has captured the instance. One object per write, as the lambda of
 * {@link InstanceStates#tracked} would be, without that method's second one: these are the hot
 * writes.
 */
final class InstanceWrite<T> implements Work.Tracked<Integer> {

    enum Kind { SAVE, INSERT, UPDATE, DELETE }

    private final ModelMeta<T> meta;
    private final T model;
    /** The backend's mapper, which writes the instance's JSON fields; null for a delete, which writes none. */
    private final @Nullable ObjectMapper json;
    private final Kind kind;
    /** Whether an insert or update also runs the save hooks, as a save does. */
    private final boolean saveHooks;

    InstanceWrite(ModelMeta<T> meta, T model, @Nullable ObjectMapper json, Kind kind, boolean saveHooks) {
        this.meta = meta;
        this.model = model;
        this.json = json;
        this.kind = kind;
        this.saveHooks = saveHooks;
    }

    @Override
    public Runnable captureState() {
        return InstanceStates.capture(meta, List.of(model));
    }

    /** Timestamps, a first version and before-hooks change the instance before its statement is sent. */
    @Override
    public boolean changedByPlanning() {
        return meta.changedByPlanning();
    }

    @Override
    public Work<Integer> plan() {
        return switch (kind) {
            case SAVE -> RecordState.isNew(model) ? RecordPersistence.inserting(meta, model, json, true)
                    : RecordPersistence.updating(meta, model, json, true);
            case INSERT -> RecordPersistence.inserting(meta, model, json, saveHooks);
            case UPDATE -> RecordPersistence.updating(meta, model, json, saveHooks);
            case DELETE -> RecordPersistence.deleting(meta, model);
        };
    }
}
