package io.pgrecord;

import io.pgrecord.internal.exec.BackendHandle;
import io.pgrecord.internal.model.LazyLoads;
import io.pgrecord.internal.model.LoadingPolicy;
import io.pgrecord.internal.model.RelationSpec;
import io.pgrecord.internal.query.RelationQueries;
import org.jspecify.annotations.Nullable;

/**
 * A model's link to related models, declared as a field initialised with {@code hasMany(...)}
 * and friends. The value is loaded on first access (or eagerly by {@code include(...)}) and
 * cached until {@link #reset()}, or until the key it was loaded by changes (a belongs-to's
 * foreign key set to another value). In strict-loading mode ({@code strictLoading()} on the query,
 * on the backend's config, or {@link StrictLoading} on the model), {@code get()} on a relation
 * that is not loaded raises {@link io.pgrecord.error.LazyLoadException}. Not thread-safe, like
 * the model that owns it.
 *
 * @param <T> the related model
 */
public abstract sealed class Relation<T> permits BelongsTo, HasOne, HasMany, AsyncBelongsTo, AsyncHasOne, AsyncHasMany {

    final Model owner;
    final RelationSpec spec;
    @Nullable Object cached;
    boolean loaded;
    /** The owner's key the cached value was loaded by (see {@link #isStale()}). */
    private @Nullable Object loadedBy;

    Relation(Model owner, RelationSpec spec) {
        this.owner = owner;
        this.spec = spec;
    }

    /** Drops the cached value; the next access queries again. */
    public void reset() {
        cached = null;
        loaded = false;
    }

    /** Whether a value is cached, by an earlier access or by {@code include(...)}. */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Before {@code get()} queries: raises {@link io.pgrecord.error.LazyLoadException} in strict
     * mode, else counts the load toward the N+1 warning.
     */
    void beforeLazyLoad() {
        BackendHandle backend = owner.backendHandle();
        LazyLoads.check(owner, this, backend == null ? LoadingPolicy.DEFAULT : backend.loading());
    }

    /**
     * Whether there is nothing to load: a null foreign key, or an owner not saved yet. {@code get()}
     * then answers empty without a query, and strict loading has nothing to forbid, as in Rails.
     * Nothing is cached, so a key set afterwards is followed.
     */
    boolean nothingToLoad() {
        return RelationQueries.nothingToLoad(owner, spec);
    }

    void preload(@Nullable Object value) {
        cached = value;
        loaded = true;
        loadedBy = RelationQueries.loadedBy(owner, spec);
    }

    /**
     * Whether the cached value was loaded by another key than the owner has now (its foreign key
     * was changed, by the application or by {@code refresh()}): it is dropped and loaded again,
     * as Rails does.
     */
    private boolean isStale() {
        return loaded && !java.util.Objects.equals(loadedBy, RelationQueries.loadedBy(owner, spec));
    }

    /** Whether a value is cached that still holds for the owner: a stale one is dropped first. */
    boolean cachedAndCurrent() {
        if (isStale()) {
            reset();
        }
        return loaded;
    }

    /** The related model class. */
    @SuppressWarnings("unchecked")
    public Class<T> target() {
        return (Class<T>) spec.target();
    }
}
