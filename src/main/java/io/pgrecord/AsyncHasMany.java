package io.pgrecord;

import io.pgrecord.internal.model.RelationSpec;
import io.pgrecord.internal.query.RelationQueries;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The reactive twin of {@link HasMany}: {@link #get()} emits the related models, querying on
 * the first subscription and replaying the cached list afterwards.
 *
 * @param <T> the related model
 */
public final class AsyncHasMany<T> extends Relation<T> {

    AsyncHasMany(Model owner, RelationSpec spec) {
        super(owner, spec);
    }

    @SuppressWarnings("unchecked")
    public Flux<T> get() {
        return Flux.defer(() -> {
            if (cachedAndCurrent()) {
                return Flux.fromIterable((List<T>) cached);
            }
            if (nothingToLoad()) {
                return Flux.empty();
            }
            beforeLazyLoad();
            return query().all().collectList().doOnNext(this::preload).flatMapIterable(list -> list);
        });
    }

    public AsyncQuery<T> query() {
        return new AsyncQuery<>(RelationQueries.forOwner(owner, spec), ownerBackend(owner));
    }

    static @Nullable AsyncPostgresBackend ownerBackend(Model owner) {
        return ModelBackends.boundAsync(owner.backendHandle());
    }
}
