package io.pgrecord;

import io.pgrecord.internal.model.RelationSpec;
import io.pgrecord.internal.query.RelationQueries;
import org.jspecify.annotations.Nullable;

/**
 * The model this one points at through a foreign key on its own table.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=belongs-to}
 *
 * @param <T> the related model
 */
public final class BelongsTo<T> extends Relation<T> {

    BelongsTo(Model owner, RelationSpec spec) {
        super(owner, spec);
    }

    /** The related model or null, loaded on first access and then cached until {@link #reset()}. */
    @SuppressWarnings("unchecked")
    public @Nullable T get() {
        if (!cachedAndCurrent()) {
            if (nothingToLoad()) {
                return null;
            }
            beforeLazyLoad();
            preload(query().first().orElse(null));
        }
        return (T) cached;
    }

    public Query<T> query() {
        return new Query<>(RelationQueries.forOwner(owner, spec), HasMany.ownerBackend(owner));
    }
}
