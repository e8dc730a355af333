package io.pgrecord;

import io.pgrecord.internal.model.RelationSpec;
import io.pgrecord.internal.query.RelationQueries;
import reactor.core.publisher.Mono;

/**
 * The reactive twin of {@link HasOne}: {@link #get()} emits the related model (empty when there is
 * none), querying on the first subscription and replaying the cached value afterwards.
 *
 * @param <T> the related model
 */
public final class AsyncHasOne<T> extends Relation<T> {

    AsyncHasOne(Model owner, RelationSpec spec) {
        super(owner, spec);
    }

    @SuppressWarnings("unchecked")
    public Mono<T> get() {
        return Mono.defer(() -> {
            if (cachedAndCurrent()) {
                return Mono.justOrEmpty((T) cached);
            }
            if (nothingToLoad()) {
                return Mono.empty();
            }
            beforeLazyLoad();
            return query().first().doOnNext(this::preload).switchIfEmpty(Mono.fromRunnable(() -> preload(null)));
        });
    }

    public AsyncQuery<T> query() {
        return new AsyncQuery<>(RelationQueries.forOwner(owner, spec), AsyncHasMany.ownerBackend(owner));
    }
}
