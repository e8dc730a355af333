package io.pgrecord.internal.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.Errors;
import io.pgrecord.Upsert;
import io.pgrecord.error.RecordNotFoundException;
import io.pgrecord.error.StaleRecordException;
import io.pgrecord.error.ValidationException;
import io.pgrecord.internal.exec.ShapeCache;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.types.BindValues;
import io.pgrecord.internal.types.DirectType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The instance operations of both model APIs, planned once as {@link Work}: validation and
 * before-hooks run while planning, so a failure there sends no SQL; after-hooks run in the
 * continuation, once the row is back.
 */
public final class RecordPersistence {

    private RecordPersistence() {
    }

    /*
     * Each write of an instance is tracked (InstanceWrite, InstanceStates.tracked): planned when it runs, so a
     * transaction that rolls back puts back what the planning changed too. The gates are checked
     * first, so they fail before any SQL even where the work is never run.
     */

    /** {@code json} is the backend's mapper, which writes the instance's JSON fields, here as in every write. */
    public static <T> Work<Integer> save(ModelMeta<T> meta, T model, Capabilities caps, ObjectMapper json) {
        meta.requireCapabilities(caps);
        return new InstanceWrite<>(meta, model, json, InstanceWrite.Kind.SAVE, true);
    }

    public static <T> Work<Integer> insert(ModelMeta<T> meta, T model, Capabilities caps, ObjectMapper json, boolean saveHooks) {
        meta.requireCapabilities(caps);
        return new InstanceWrite<>(meta, model, json, InstanceWrite.Kind.INSERT, saveHooks);
    }

    static <T> Work<Integer> inserting(ModelMeta<T> meta, T model, ObjectMapper json, boolean saveHooks) {
        validate(model);
        if (saveHooks) {
            fire(model, Hook.BEFORE_SAVE);
        }
        fire(model, Hook.BEFORE_INSERT);
        stampForInsert(meta, model);
        // without a null @Version to start, nothing to look up first: no continuation to build
        Work<Integer> inserted = needsFirstVersion(meta, model)
                ? firstVersions(meta, List.of(model), false).then(ignored -> insertPlanned(meta, model, json))
                : insertPlanned(meta, model, json);
        if (!InstanceStates.hooked(meta, Hook.AFTER_INSERT, saveHooks ? Hook.AFTER_SAVE : Hook.AFTER_INSERT)) {
            // the base class's after-hooks do nothing: no continuation to build and run
            return inserted;
        }
        return InstanceStates.atomic(meta, List.of(model), inserted.map(n -> {
            fire(model, Hook.AFTER_INSERT);
            if (saveHooks) {
                fire(model, Hook.AFTER_SAVE);
            }
            return n;
        }));
    }

    /** The INSERT of the non-null fields, RETURNING the stored row into the instance; no hooks. */
    static <T> Work<Integer> insertPlanned(ModelMeta<T> meta, T model, ObjectMapper json) {
        return SingleInsert.plan(meta, model, json);
    }

    /** Whether the model has a null {@code @Version} that {@link #firstVersions} must give a first value. */
    private static boolean needsFirstVersion(ModelMeta<?> meta, Object model) {
        FieldMeta v = meta.version();
        return nullable(v) && v.get(model) == null;
    }

    /** Whether a model has a {@code @Version} field that can be null, which a first insert may start. */
    private static boolean nullable(FieldMeta version) {
        return version != null && !version.type().isPrimitive();
    }

    /** Which statements a model may cache: its columns all read without jOOQ, and a column set fits a long. */
    static DirectType[] cacheable(ModelMeta<?> meta) {
        return meta.fields().size() <= Long.SIZE ? meta.columnKinds() : null;
    }

    static long bit(FieldMeta f) {
        return f.index() < Long.SIZE ? 1L << f.index() : 0;
    }

    /** What decides an UPDATE's SQL: the columns it writes, which values are null, whether the version read is. */
    private record UpdateKey(long columns, long nulls, boolean versionNull) {
    }

    public static <T> Work<Integer> update(ModelMeta<T> meta, T model, Capabilities caps, ObjectMapper json, boolean saveHooks) {
        meta.requireCapabilities(caps);
        return new InstanceWrite<>(meta, model, json, InstanceWrite.Kind.UPDATE, saveHooks);
    }

    static <T> Work<Integer> updating(ModelMeta<T> meta, T model, ObjectMapper json, boolean saveHooks) {
        if (RecordState.isNew(model)) {
            throw new IllegalStateException(RecordState.isDeleted(model)
                    ? "cannot update " + meta.type().getSimpleName() + " " + describeKey(meta, model)
                            + ": it was deleted; insert() or save() it to write it again"
                    : "cannot update a new " + meta.type().getSimpleName() + "; insert() or save() it first");
        }
        validate(model);
        if (saveHooks) {
            fire(model, Hook.BEFORE_SAVE);
        }
        fire(model, Hook.BEFORE_UPDATE);
        List<FieldMeta> dirty = RecordState.dirty(meta, model);
        dirty.removeIf(f -> f.isGenerated() || f.isVersion() || f.isUpdatedAt());
        if (dirty.isEmpty()) {
            return Work.done(0);
        }
        List<Object> values = new ArrayList<>();
        long columns = 0;
        long nulls = 0;
        for (FieldMeta f : dirty) {
            Object v = BindValues.check(f.column(), f.dataType(), f.get(model), json);
            values.add(v);
            columns |= bit(f);
            nulls |= v == null ? bit(f) : 0;
        }
        FieldMeta u = meta.updatedAt();
        if (u != null) {
            values.add(now(u.type(), clock()));
        }
        int setCount = values.size();
        Object[] key = keyValues(meta, model, true);
        values.addAll(Arrays.asList(key));
        Object[] slots = values.toArray();
        Work<Integer> updated = meta.shapes().rows(new UpdateKey(columns, nulls, versionNull(meta, key)), slots, cacheable(meta), () -> {
            List<Param<?>> params = new ArrayList<>();
            Map<Field<?>, Object> set = new LinkedHashMap<>();
            for (FieldMeta f : dirty) {
                Param<?> p = DSL.val(slots[params.size()], f.dataType());
                params.add(p);
                set.put(f.unqualified(), p);
            }
            if (u != null) {
                Param<?> p = DSL.val(slots[params.size()], u.dataType());
                params.add(p);
                set.put(u.unqualified(), p);
            }
            if (meta.version() != null) {
                FieldMeta v = meta.version();
                set.put(v.unqualified(), v.unqualified().plus(DSL.inline(1)));
            }
            Condition where = keyCondition(meta, slots, setCount, params);
            // the row of one key, if it is still there
            return new ShapeCache.Source<>(DSL.update(meta.table()).set(set).where(where).returning(meta.selectFields()), params, 1);
        }, rows -> {
            if (rows.isEmpty()) {
                if (meta.version() != null) {
                    throw stale(meta, model);
                }
                return Work.done(0);
            }
            persisted(meta, model, rows.get(0));
            fire(model, Hook.AFTER_UPDATE);
            if (saveHooks) {
                fire(model, Hook.AFTER_SAVE);
            }
            return Work.done(1);
        });
        return InstanceStates.hooked(meta, Hook.AFTER_UPDATE, saveHooks ? Hook.AFTER_SAVE : Hook.AFTER_UPDATE)
                ? InstanceStates.atomic(meta, List.of(model), updated) : updated;
    }

    public static <T> Work<Integer> delete(ModelMeta<T> meta, T model, Capabilities caps) {
        meta.requireCapabilities(caps);
        return new InstanceWrite<>(meta, model, null, InstanceWrite.Kind.DELETE, false);
    }

    static <T> Work<Integer> deleting(ModelMeta<T> meta, T model) {
        if (RecordState.isNew(model)) {
            throw new IllegalStateException(RecordState.isDeleted(model)
                    ? "cannot delete " + meta.type().getSimpleName() + " " + describeKey(meta, model) + ": it was already deleted"
                    : "cannot delete a new " + meta.type().getSimpleName() + " that was never saved");
        }
        FieldMeta softDelete = meta.softDelete();
        if (softDelete != null && RecordState.persistedValue(model, softDelete) != null) {
            // already marked: deleting it again would move the time it was deleted at
            return Work.done(0);
        }
        fire(model, Hook.BEFORE_DELETE);
        Work<Integer> deleted = deletePlanned(meta, model);
        return meta.overrides(Hook.AFTER_DELETE) ? InstanceStates.atomic(meta, List.of(model), deleted) : deleted;
    }

    private static <T> Work<Integer> deletePlanned(ModelMeta<T> meta, T model) {
        Condition where = keyCondition(meta, model, true);
        if (meta.softDelete() != null) {
            FieldMeta d = meta.softDelete();
            Map<Field<?>, Object> set = new LinkedHashMap<>();
            set.put(d.unqualified(), DSL.val(now(d.type(), clock()), d.dataType()));
            if (meta.version() != null) {
                set.put(meta.version().unqualified(), meta.version().unqualified().plus(DSL.inline(1)));
            }
            var update = DSL.update(meta.table()).set(set).where(where).returning(meta.selectFields());
            return new Work.Rows<>(update, null, meta.columnKinds(), meta, rows -> {
                if (rows.isEmpty()) {
                    return deletedNothing(meta, model);
                }
                persisted(meta, model, rows.get(0));
                fire(model, Hook.AFTER_DELETE);
                return Work.done(1);
            });
        }
        return new Work.Execute<>(DSL.deleteFrom(meta.table()).where(where), n -> {
            if (n == 0) {
                return deletedNothing(meta, model);
            }
            RecordState.markDeleted(model);
            fire(model, Hook.AFTER_DELETE);
            return Work.done(n);
        });
    }

    private static Work<Integer> deletedNothing(ModelMeta<?> meta, Object model) {
        if (meta.version() != null) {
            throw stale(meta, model);
        }
        return Work.done(0);
    }

    /** Clears the soft-delete mark. */
    public static <T> Work<Integer> restore(ModelMeta<T> meta, T model, Capabilities caps) {
        meta.requireCapabilities(caps);
        FieldMeta d = meta.softDelete();
        if (d == null) {
            throw new IllegalStateException("restore() needs a @SoftDelete field on " + meta.type().getSimpleName());
        }
        if (RecordState.isNew(model)) {
            throw new IllegalStateException("cannot restore a new " + meta.type().getSimpleName());
        }
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(d.unqualified(), DSL.castNull(d.dataType()));
        if (meta.version() != null) {
            // a write like the soft delete it undoes: it moves the version, and a stale one is refused
            set.put(meta.version().unqualified(), meta.version().unqualified().plus(DSL.inline(1)));
        }
        var update = DSL.update(meta.table()).set(set).where(keyCondition(meta, model, true)).returning(meta.selectFields());
        return InstanceStates.tracked(meta, model, () -> new Work.Rows<>(update, null, meta.columnKinds(), meta, rows -> {
            if (rows.isEmpty()) {
                return deletedNothing(meta, model);
            }
            persisted(meta, model, rows.get(0));
            return Work.done(1);
        }));
    }

    public static <T> Work<Boolean> refresh(ModelMeta<T> meta, T model, Capabilities caps) {
        meta.requireCapabilities(caps);
        Condition where = keyCondition(meta, model, false);
        var select = DSL.select(meta.selectFields()).from(meta.table()).where(where);
        return new Work.Rows<>(select, null, meta.columnKinds(), meta, rows -> {
            if (rows.isEmpty()) {
                throw new RecordNotFoundException(meta.type().getSimpleName() + " " + describeKey(meta, model)
                        + " no longer exists");
            }
            persisted(meta, model, rows.get(0));
            meta.resetRelations(model);
            fire(model, Hook.AFTER_LOAD);
            return Work.done(Boolean.TRUE);
        });
    }

    /** {@code INSERT ... ON CONFLICT (cols) DO UPDATE SET <non-key cols> = EXCLUDED.<col> RETURNING *}. */
    public static <T> Work<Integer> upsert(ModelMeta<T> meta, T model, Capabilities caps, ObjectMapper json, String... conflictColumns) {
        return upsert(meta, model, caps, json, Upsert.on(conflictColumns));
    }

    /**
     * An upsert as the {@link Upsert} describes; 0 when DO NOTHING or the update's
     * WHERE left an existing row untouched (the instance is then unchanged).
     */
    public static <T> Work<Integer> upsert(ModelMeta<T> meta, T model, Capabilities caps, ObjectMapper json, Upsert upsert) {
        meta.requireCapabilities(caps);
        caps.require(Capability.UPSERT);
        UpsertPlan plan = new UpsertPlan(meta, upsert);
        return InstanceStates.tracked(meta, model, () -> upserting(meta, model, plan, json));
    }

    private static <T> Work<Integer> upserting(ModelMeta<T> meta, T model, UpsertPlan plan, ObjectMapper json) {
        validate(model);
        fire(model, Hook.BEFORE_SAVE);
        stampForInsert(meta, model);
        Work<Integer> upserted = firstVersions(meta, List.of(model), false).then(ignored -> {
            List<FieldMeta> inserted = new ArrayList<>();
            List<Field<?>> values = new ArrayList<>();
            for (FieldMeta f : meta.fields()) {
                Object v = f.get(model);
                if (v != null && !f.isGenerated()) {
                    inserted.add(f);
                    values.add(BindValues.of(f.column(), v, f.dataType(), json));
                }
            }
            var insert = DSL.insertInto(meta.table(), inserted.stream().map(FieldMeta::unqualified).toList()).values(values);
            return new Work.Rows<>(plan.apply(meta, insert, inserted), null, meta.columnKinds(), meta, rows -> {
                if (rows.isEmpty()) {
                    return Work.done(0);
                }
                persisted(meta, model, rows.get(0));
                fire(model, Hook.AFTER_SAVE);
                return Work.done(1);
            });
        });
        return meta.overrides(Hook.AFTER_SAVE) ? InstanceStates.atomic(meta, List.of(model), upserted) : upserted;
    }

    /** Resolves conflict column names; none means the primary key. */
    public static List<FieldMeta> conflictFields(ModelMeta<?> meta, String... names) {
        if (names == null || names.length == 0) {
            if (meta.ids().isEmpty()) {
                throw new IllegalArgumentException("upsert on " + meta.type().getSimpleName() + " needs conflict columns or an @Id");
            }
            return meta.ids();
        }
        List<FieldMeta> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(meta.resolve(n));
        }
        return fields;
    }

    /** Runs {@code validate(Errors)} and Bean Validation; throws before any SQL. */
    public static void validate(Object model) {
        Errors errors = new Errors();
        BeanValidation.validate(model, errors);
        ModelAccess.get().validate(model, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Primary-key condition; with a version field, also the version last read (optimistic lock). */
    static Condition keyCondition(ModelMeta<?> meta, Object model, boolean persisted) {
        return keyCondition(meta, keyValues(meta, model, persisted), 0, new ArrayList<>());
    }

    /**
     * The values {@link #keyCondition(ModelMeta, Object[], int, List)} binds: each {@code @Id}'s,
     * the persisted one when {@code persisted} (then also the version last read), else the current one.
     */
    static Object[] keyValues(ModelMeta<?> meta, Object model, boolean persisted) {
        List<FieldMeta> ids = meta.ids();
        if (ids.isEmpty()) {
            throw new IllegalStateException("model " + meta.type().getSimpleName() + " has no @Id field");
        }
        boolean locked = persisted && meta.version() != null;
        Object[] values = new Object[ids.size() + (locked ? 1 : 0)];
        for (int i = 0; i < ids.size(); i++) {
            FieldMeta id = ids.get(i);
            Object v = persisted && !RecordState.isNew(model) ? RecordState.persistedValue(model, id) : id.get(model);
            if (v == null) {
                throw new IllegalStateException(RecordState.wasRead(model, id)
                        ? meta.type().getSimpleName() + "." + id.javaName() + " is null"
                        : unread(meta, id, "@Id") + ", so its row is not known; select the column too");
            }
            values[i] = BindValues.check(id.column(), id.dataType(), v);
        }
        if (locked) {
            FieldMeta version = meta.version();
            if (!RecordState.wasRead(model, version)) {
                // its IS NULL would match no row: a false StaleRecordException
                throw new IllegalStateException(unread(meta, version, "@Version") + ", so there is no version to check"
                        + " the row against; select the column too, or refresh() the instance (which reloads every field)"
                        + " before changing it");
            }
            values[ids.size()] = RecordState.persistedValue(model, version);
        }
        return values;
    }

    /** The start of the message for a key or version field whose column the query that loaded the instance left out. */
    private static String unread(ModelMeta<?> meta, FieldMeta f, String annotation) {
        String model = meta.type().getSimpleName();
        return model + "." + f.javaName() + " (" + annotation + ") was not loaded: the query that loaded this " + model
                + " (a select(...) projection, or a record mapped by name) did not select column " + f.column();
    }

    private static boolean versionNull(ModelMeta<?> meta, Object[] keyValues) {
        return keyValues.length > meta.ids().size() && keyValues[keyValues.length - 1] == null;
    }

    /**
     * The key condition over {@code values[from..]} (as {@link #keyValues} lays them out), adding
     * each bind to {@code params}; a version read as null compares with IS NULL.
     */
    private static Condition keyCondition(ModelMeta<?> meta, Object[] values, int from, List<Param<?>> params) {
        List<FieldMeta> ids = meta.ids();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Param<Object> p = DSL.val(values[from + i], ids.get(i).dataType());
            params.add(p);
            conditions.add(ids.get(i).field().eq(p));
        }
        if (from + ids.size() < values.length) {
            FieldMeta v = meta.version();
            Object read = values[from + ids.size()];
            if (read == null) {
                conditions.add(v.field().isNull());
            } else {
                Param<Object> p = DSL.val(read, v.dataType());
                params.add(p);
                conditions.add(v.field().eq(p));
            }
        }
        return DSL.and(conditions);
    }

    /**
     * The condition for a primary-key value; a composite key takes an {@code Object[]} or a
     * {@code List} in {@code @Id} declaration order.
     */
    public static Condition idCondition(ModelMeta<?> meta, Object id) {
        return idCondition(meta, id, new ArrayList<>());
    }

    /** As {@link #idCondition(ModelMeta, Object)}, adding each bind to {@code params}. */
    public static Condition idCondition(ModelMeta<?> meta, Object id, List<Param<?>> params) {
        Object[] values = idValues(meta, id);
        List<FieldMeta> ids = meta.ids();
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            FieldMeta f = ids.get(i);
            Param<Object> p = DSL.val(values[i], f.dataType());
            params.add(p);
            conditions.add(f.field().eq(p));
        }
        return DSL.and(conditions);
    }

    /** The values a primary-key lookup binds, one per {@code @Id} in order, checked against their columns. */
    public static Object[] idValues(ModelMeta<?> meta, Object id) {
        List<FieldMeta> ids = meta.ids();
        if (ids.isEmpty()) {
            throw new IllegalStateException("model " + meta.type().getSimpleName() + " has no @Id field");
        }
        if (id == null) {
            throw new IllegalArgumentException("id must not be null");
        }
        List<?> parts = ids.size() == 1 ? Collections.singletonList(id)
                : id instanceof Object[] a ? List.of(a) : id instanceof List<?> l ? l : null;
        if (parts == null || parts.size() != ids.size()) {
            throw new IllegalArgumentException(meta.type().getSimpleName() + " has a composite key of " + ids.size()
                    + " columns; pass an Object[] or List of that many values");
        }
        Object[] values = new Object[ids.size()];
        for (int i = 0; i < values.length; i++) {
            FieldMeta f = ids.get(i);
            values[i] = BindValues.check(f.column(), f.dataType(), parts.get(i));
        }
        return values;
    }

    /**
     * What a bulk insert, upsert or merge does before its SQL: validates every model, then fires
     * BEFORE_SAVE (and BEFORE_INSERT when asked) and stamps each from one clock reading.
     */
    static <T> void prepareAll(ModelMeta<T> meta, List<T> models, boolean beforeInsert) {
        for (T m : models) {
            validate(m);
        }
        OffsetDateTime now = clock();
        for (T m : models) {
            fire(m, Hook.BEFORE_SAVE);
            if (beforeInsert) {
                fire(m, Hook.BEFORE_INSERT);
            }
            stampForInsert(meta, m, now);
        }
    }

    /**
     * {@link #stampForInsert(ModelMeta, Object, OffsetDateTime)} reading the clock only for a
     * model that has a stamp: the reading allocates several objects, on every insert otherwise.
     */
    static void stampForInsert(ModelMeta<?> meta, Object model) {
        if (meta.createdAt() != null || meta.updatedAt() != null) {
            stampForInsert(meta, model, clock());
        }
    }

    /**
     * Sets {@code @CreatedAt} (when null) and {@code @UpdatedAt} from one reading of the clock,
     * so a new row's two stamps are equal. The {@code @Version} is left to {@link #firstVersions}.
     */
    static void stampForInsert(ModelMeta<?> meta, Object model, OffsetDateTime now) {
        if (meta.createdAt() != null && meta.createdAt().get(model) == null) {
            meta.createdAt().set(model, now(meta.createdAt().type(), now));
        }
        if (meta.updatedAt() != null) {
            meta.updatedAt().set(model, now(meta.updatedAt().type(), now));
        }
    }

    /**
     * Gives the null {@code @Version} fields of models about to be inserted their first value,
     * then continues. A null field is left out of the INSERT like any other, so that the column's
     * default applies and RETURNING fills the field; but a column without a default would then
     * get NULL (or fail NOT NULL), so there the field starts at 0. Which of the two holds is read
     * from the catalog: once per model and backend, by the first insert that has a null version,
     * and kept by the backend's runner (no catalog read per save; an {@code ALTER TABLE} that
     * adds or drops the default is seen after the backend is recreated). A primitive field is
     * never null and is written as it is.
     *
     * @param onlyWhenAllNull leave the nulls only when every model's version is null: for MERGE,
     *     whose source rows would insert a null as NULL, not as DEFAULT
     */
    static Work<Boolean> firstVersions(ModelMeta<?> meta, List<?> models, boolean onlyWhenAllNull) {
        FieldMeta v = meta.version();
        if (!nullable(v) || noneNull(v, models)) {
            return Work.done(Boolean.FALSE);
        }
        Work<Boolean> lookup = new Work.Fetch<>(versionDefaultQuery(meta, v),
                rows -> Work.done(rows.isEmpty() ? null : rows.get(0).get(0, Boolean.class)));
        return new Work.Memo<>(new VersionDefault(meta.type()), lookup, hasDefault -> {
            boolean leave = Boolean.TRUE.equals(hasDefault)
                    && (!onlyWhenAllNull || models.stream().allMatch(m -> v.get(m) == null));
            // without a default, a null would be stored as NULL (or fail NOT NULL): start at 0
            if (!leave) {
                Object zero = v.type() == Long.class || v.type() == long.class ? (Object) 0L : (Object) 0;
                for (Object m : models) {
                    if (v.get(m) == null) {
                        v.set(m, zero);
                    }
                }
            }
            return Work.done(leave);
        });
    }

    private static boolean noneNull(FieldMeta f, List<?> models) {
        for (Object m : models) {
            if (f.get(m) == null) {
                return false;
            }
        }
        return true;
    }

    /** The backend-wide memo key of whether a model's {@code @Version} column has a default. */
    private record VersionDefault(Class<?> model) {
    }

    /**
     * Whether the version column gets a value when an INSERT leaves it out: a column default, an
     * identity, or a default of its domain. No row when the table does not exist (the INSERT then
     * reports that), so nothing is kept.
     */
    private static ResultQuery<Record> versionDefaultQuery(ModelMeta<?> meta, FieldMeta v) {
        return DSL.resultQuery("select a.atthasdef or a.attidentity <> '' or t.typdefaultbin is not null"
                + " from pg_catalog.pg_attribute a join pg_catalog.pg_type t on t.oid = a.atttypid"
                + " where a.attrelid = to_regclass({0}) and a.attname = {1} and not a.attisdropped",
                DSL.val(regclass(meta)), DSL.val(v.column()));
    }

    /** The model's table as {@code to_regclass} reads it: every part quoted. */
    static String regclass(ModelMeta<?> meta) {
        StringBuilder table = new StringBuilder();
        for (String part : meta.tableName().getName()) {
            table.append(table.isEmpty() ? "" : ".").append('"').append(part.replace("\"", "\"\"")).append('"');
        }
        return table.toString();
    }

    /** A soft-delete mark for field {@code d}: the clock's reading in the field's type. */
    public static Object softDeleteStamp(FieldMeta d) {
        return now(d.type(), clock());
    }

    /** The current time at PostgreSQL's microsecond precision: one reading per write, for all its stamps. */
    static OffsetDateTime clock() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A clock reading in the field's type. */
    static Object now(Class<?> type, OffsetDateTime now) {
        if (type == Instant.class) {
            return now.toInstant();
        }
        if (type == LocalDateTime.class) {
            return now.toLocalDateTime();
        }
        return now;
    }

    static void persisted(ModelMeta<?> meta, Object model, Object[] row) {
        RowMapper.apply(meta, model, row);
        RecordState.markPersisted(meta, model, row);
    }

    private static StaleRecordException stale(ModelMeta<?> meta, Object model) {
        return new StaleRecordException(meta.type().getSimpleName() + " " + describeKey(meta, model)
                + " was changed or deleted by someone else since version "
                + RecordState.persistedValue(model, meta.version()) + " was read; reload it and retry");
    }

    static String describeKey(ModelMeta<?> meta, Object model) {
        StringBuilder sb = new StringBuilder();
        for (FieldMeta id : meta.ids()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(id.javaName()).append('=').append(id.get(model));
        }
        return "(" + sb + ")";
    }

    static void fire(Object model, Hook hook) {
        ModelAccess.get().fire(model, hook);
    }
}
