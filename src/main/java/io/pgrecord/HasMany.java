package io.pgrecord;

import io.pgrecord.internal.model.RelationSpec;
import io.pgrecord.internal.query.RelationQueries;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The models on the other side of a one-to-many (or many-to-many, through a join table) link.
 * {@snippet class=io.pgrecord.javadoc.ModelExamplesTest region=has-many}
 *
 * @param <T> the related model
 */
public final class HasMany<T> extends Relation<T> {

    HasMany(Model owner, RelationSpec spec) {
        super(owner, spec);
    }

    /** The related models, loaded on first access and then cached until {@link #reset()}. */
    @SuppressWarnings("unchecked")
    public List<T> get() {
        if (!cachedAndCurrent()) {
            if (nothingToLoad()) {
                return List.of();
            }
            beforeLazyLoad();
            preload(query().all());
        }
        return (List<T>) cached;
    }

    /** The query behind the relation, to refine further. */
    public Query<T> query() {
        return new Query<>(RelationQueries.forOwner(owner, spec), ownerBackend(owner));
    }

    static @Nullable PostgresBackend ownerBackend(Model owner) {
        return ModelBackends.bound(owner.backendHandle());
    }
}
