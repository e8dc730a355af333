package io.pgrecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.model.ModelErrors;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.model.RecordPersistence;
import io.pgrecord.internal.model.RelationSpec;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * A reactive model: the mapping, hooks, validation and dirty tracking of {@link ActiveRecord},
 * with writes returning {@link Mono}. Nothing is sent until subscription; validation and
 * before-hooks run at subscription, before any SQL.
 * {@snippet class=io.pgrecord.javadoc.AsyncUser region=model}
 *
 * @param <T> the model class itself
 */
public abstract non-sealed class AsyncActiveRecord<T extends AsyncActiveRecord<T>> extends Model {

    protected AsyncActiveRecord() {
    }

    protected static <M extends AsyncActiveRecord<M>> AsyncFinder<M> finder(Class<M> type) {
        return new AsyncFinder<>(type, null);
    }

    /** Sets the backend reactive models use: the default, or for the given model classes only. */
    public static void configure(AsyncPostgresBackend backend, Class<?>... models) {
        ModelBackends.configure(backend, models);
    }

    @SuppressWarnings("unchecked")
    public T using(AsyncPostgresBackend backend) {
        backendHandle(ModelBackends.handle(backend));
        return (T) this;
    }

    /** As {@link ActiveRecord}'s: the plan gets the backend's JSON mapper, which writes the JSON fields. */
    private <X> Mono<X> run(BiFunction<Capabilities, ObjectMapper, Work<X>> plan) {
        return Mono.defer(() -> {
            AsyncPostgresBackend bound = ModelBackends.boundAsync(backendHandle());
            AsyncPostgresBackend b = bound != null ? bound : ModelBackends.async(getClass());
            return b.runner().run(caps -> plan.apply(caps, b.jsonMapper())).doOnSuccess(x -> backendHandle(b.handle()));
        }).onErrorMap(e -> ModelErrors.explain(meta(), e));
    }

    @SuppressWarnings("unchecked")
    private ModelMeta<T> typedMeta() {
        return (ModelMeta<T>) meta();
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /** As {@link ActiveRecord#save()}: emits the rows written, 0 (and no SQL) when nothing changed. */
    public Mono<Integer> save() {
        return run((caps, json) -> RecordPersistence.save(typedMeta(), self(), caps, json));
    }

    public Mono<Integer> insert() {
        return run((caps, json) -> RecordPersistence.insert(typedMeta(), self(), caps, json, false));
    }

    public Mono<Integer> update() {
        return run((caps, json) -> RecordPersistence.update(typedMeta(), self(), caps, json, false));
    }

    public Mono<Integer> delete() {
        return run((caps, json) -> RecordPersistence.delete(typedMeta(), self(), caps));
    }

    /** Reloads every field; errors with {@code RecordNotFoundException} when the row is gone. */
    public Mono<Void> refresh() {
        return run((caps, json) -> RecordPersistence.refresh(typedMeta(), self(), caps)).then();
    }

    public Mono<Integer> upsert(String... conflictColumns) {
        return run((caps, json) -> RecordPersistence.upsert(typedMeta(), self(), caps, json, conflictColumns));
    }

    /** As {@link ActiveRecord#upsert(Upsert)}. */
    public Mono<Integer> upsert(Upsert upsert) {
        return run((caps, json) -> RecordPersistence.upsert(typedMeta(), self(), caps, json, upsert));
    }

    public Mono<Integer> restore() {
        return run((caps, json) -> RecordPersistence.restore(typedMeta(), self(), caps));
    }

    protected final <R extends AsyncActiveRecord<R>> AsyncBelongsTo<R> belongsTo(Class<R> target) {
        return new AsyncBelongsTo<>(this, RelationSpec.belongsTo(target, null));
    }

    protected final <R extends AsyncActiveRecord<R>> AsyncBelongsTo<R> belongsTo(Class<R> target, String foreignKey) {
        return new AsyncBelongsTo<>(this, RelationSpec.belongsTo(target, foreignKey));
    }

    protected final <R extends AsyncActiveRecord<R>> AsyncHasOne<R> hasOne(Class<R> target) {
        return new AsyncHasOne<>(this, RelationSpec.hasOne(getClass(), target, null));
    }

    protected final <R extends AsyncActiveRecord<R>> AsyncHasOne<R> hasOne(Class<R> target, String foreignKey) {
        return new AsyncHasOne<>(this, RelationSpec.hasOne(getClass(), target, foreignKey));
    }

    protected final <R extends AsyncActiveRecord<R>> AsyncHasMany<R> hasMany(Class<R> target) {
        return new AsyncHasMany<>(this, RelationSpec.hasMany(getClass(), target, null));
    }

    protected final <R extends AsyncActiveRecord<R>> AsyncHasMany<R> hasMany(Class<R> target, String foreignKey) {
        return new AsyncHasMany<>(this, RelationSpec.hasMany(getClass(), target, foreignKey));
    }

    protected final <R extends AsyncActiveRecord<R>> AsyncHasMany<R> hasManyThrough(Class<R> target, String joinTable) {
        return new AsyncHasMany<>(this, RelationSpec.through(getClass(), target, joinTable, null, null));
    }

    protected final <R extends AsyncActiveRecord<R>> AsyncHasMany<R> hasManyThrough(Class<R> target, String joinTable,
            String ownerColumn, String targetColumn) {
        return new AsyncHasMany<>(this, RelationSpec.through(getClass(), target, joinTable, ownerColumn, targetColumn));
    }

    /**
     * The class's simple name and every persisted field by its Java name, e.g.
     * {@code User{id=1, name=Ann, email=null}}; {@code id=null} for a record never saved. A {@link Transient} field is
     * left out, a {@link Sensitive} one shows {@code ***}, a byte array shows its length and a
     * long value is cut short. Override it for another text.
     *
     * <p>Models keep identity equality: {@code equals} and {@code hashCode} are
     * {@link Object}'s, so two instances of the same row are different objects, and a record
     * stays findable in a {@code HashSet} while its fields change.
     */
    @Override
    public String toString() {
        return ModelMeta.describe(this);
    }
}
