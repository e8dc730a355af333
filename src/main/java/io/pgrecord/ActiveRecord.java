package io.pgrecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.error.RecordNotFoundException;
import io.pgrecord.error.StaleRecordException;
import io.pgrecord.error.ValidationException;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.model.ModelErrors;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.model.RecordPersistence;
import io.pgrecord.internal.model.RelationSpec;
import java.util.function.BiFunction;

/**
 * A blocking model: a class whose instances save themselves. Fields map to columns
 * ({@code emailAddress -> email_address}); see {@link Column}, {@link Id}, {@link Version},
 * {@link CreatedAt}, {@link UpdatedAt}, {@link SoftDelete} and {@link Transient}.
 * {@snippet class=io.pgrecord.javadoc.User region=model}
 * Instances are not thread-safe; operations join the calling thread's transaction.
 *
 * @param <T> the model class itself
 */
public abstract non-sealed class ActiveRecord<T extends ActiveRecord<T>> extends Model {

    protected ActiveRecord() {
    }

    /** The finder for a model class: {@code public static final Finder<User> find = finder(User.class);}. */
    protected static <M extends ActiveRecord<M>> Finder<M> finder(Class<M> type) {
        return new Finder<>(type, null);
    }

    /**
     * Sets the backend blocking models use: the default for all models, or with model classes,
     * for those only.
     */
    public static void configure(PostgresBackend backend, Class<?>... models) {
        ModelBackends.configure(backend, models);
    }

    /** Binds this instance to a backend; loaded instances are bound to the backend they came from. */
    @SuppressWarnings("unchecked")
    public T using(PostgresBackend backend) {
        backendHandle(ModelBackends.handle(backend));
        return (T) this;
    }

    private PostgresBackend backend() {
        PostgresBackend b = ModelBackends.bound(backendHandle());
        return b != null ? b : ModelBackends.blocking(getClass());
    }

    @SuppressWarnings("unchecked")
    private <X> X run(BiFunction<Capabilities, ObjectMapper, Work<X>> plan) {
        PostgresBackend b = backend();
        try {
            // the backend's mapper writes the JSON fields: the plan checks their values with it
            X result = b.runner().run(caps -> plan.apply(caps, b.jsonMapper()));
            backendHandle(b.handle());
            return result;
        } catch (RuntimeException e) {
            throw ModelErrors.explainRuntime(meta(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private ModelMeta<T> typedMeta() {
        return (ModelMeta<T>) meta();
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /**
     * INSERT when new, otherwise UPDATE of the changed columns only; sends nothing and returns 0
     * when nothing changed. Afterwards the instance holds what the database stored.
     *
     * @return rows written
     * @throws ValidationException before any SQL, when validation fails
     * @throws StaleRecordException when the {@code @Version} changed meanwhile
     */
    public int save() {
        return run((caps, json) -> RecordPersistence.save(typedMeta(), self(), caps, json));
    }

    /** INSERT, even when a caller set the id; a caller-set id is kept. */
    public int insert() {
        return run((caps, json) -> RecordPersistence.insert(typedMeta(), self(), caps, json, false));
    }

    /** UPDATE of the changed columns. */
    public int update() {
        return run((caps, json) -> RecordPersistence.update(typedMeta(), self(), caps, json, false));
    }

    /** DELETE (an UPDATE of the {@code @SoftDelete} field for soft-deleted models). */
    public int delete() {
        return run((caps, json) -> RecordPersistence.delete(typedMeta(), self(), caps));
    }

    /**
     * Reloads every field from the database.
     *
     * @throws RecordNotFoundException when the row is gone
     */
    public void refresh() {
        run((caps, json) -> RecordPersistence.refresh(typedMeta(), self(), caps));
    }

    /**
     * {@code INSERT ... ON CONFLICT (cols) DO UPDATE SET <other cols> = EXCLUDED.<col> RETURNING *};
     * without columns, the conflict target is the primary key.
     */
    public int upsert(String... conflictColumns) {
        return run((caps, json) -> RecordPersistence.upsert(typedMeta(), self(), caps, json, conflictColumns));
    }

    /**
     * An upsert with a chosen conflict target and action: DO NOTHING, a partial index
     * predicate, a constraint name, the columns to update, an update WHERE.
     *
     * @return 1 when a row was inserted or updated, 0 when an existing row was left as it was
     */
    public int upsert(Upsert upsert) {
        return run((caps, json) -> RecordPersistence.upsert(typedMeta(), self(), caps, json, upsert));
    }

    /** Clears the {@code @SoftDelete} mark. */
    public int restore() {
        return run((caps, json) -> RecordPersistence.restore(typedMeta(), self(), caps));
    }

    /** The model this one references through {@code <target>_id} on this table. */
    protected final <R extends ActiveRecord<R>> BelongsTo<R> belongsTo(Class<R> target) {
        return new BelongsTo<>(this, RelationSpec.belongsTo(target, null));
    }

    /** As {@link #belongsTo(Class)}, with the foreign-key column named. */
    protected final <R extends ActiveRecord<R>> BelongsTo<R> belongsTo(Class<R> target, String foreignKey) {
        return new BelongsTo<>(this, RelationSpec.belongsTo(target, foreignKey));
    }

    /** The one model referencing this one through {@code <this>_id} on its table. */
    protected final <R extends ActiveRecord<R>> HasOne<R> hasOne(Class<R> target) {
        return new HasOne<>(this, RelationSpec.hasOne(getClass(), target, null));
    }

    protected final <R extends ActiveRecord<R>> HasOne<R> hasOne(Class<R> target, String foreignKey) {
        return new HasOne<>(this, RelationSpec.hasOne(getClass(), target, foreignKey));
    }

    /** The models referencing this one through {@code <this>_id} on their table. */
    protected final <R extends ActiveRecord<R>> HasMany<R> hasMany(Class<R> target) {
        return new HasMany<>(this, RelationSpec.hasMany(getClass(), target, null));
    }

    protected final <R extends ActiveRecord<R>> HasMany<R> hasMany(Class<R> target, String foreignKey) {
        return new HasMany<>(this, RelationSpec.hasMany(getClass(), target, foreignKey));
    }

    /** Many-to-many through a join table with {@code <this>_id} and {@code <target>_id} columns. */
    protected final <R extends ActiveRecord<R>> HasMany<R> hasManyThrough(Class<R> target, String joinTable) {
        return new HasMany<>(this, RelationSpec.through(getClass(), target, joinTable, null, null));
    }

    protected final <R extends ActiveRecord<R>> HasMany<R> hasManyThrough(Class<R> target, String joinTable,
            String ownerColumn, String targetColumn) {
        return new HasMany<>(this, RelationSpec.through(getClass(), target, joinTable, ownerColumn, targetColumn));
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
