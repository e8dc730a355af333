package io.pgrecord;

import io.pgrecord.internal.model.RelationSpec;
import io.pgrecord.internal.query.RelationQueries;
import org.jspecify.annotations.Nullable;

/**
 * The model on the other side of a one-to-one link whose key is on the target's table.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=has-one}
 *
 * @param <T> the related model
 */
public final class HasOne<T> extends Relation<T> {

    HasOne(Model owner, RelationSpec spec) {
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
