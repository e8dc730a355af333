package io.pgrecord.internal.model;

import io.pgrecord.Capabilities;
import io.pgrecord.Relation;
import io.pgrecord.StrictLoading;
import io.pgrecord.Table;
import io.pgrecord.Transient;
import io.pgrecord.error.MappingException;
import io.pgrecord.internal.error.UnreadableColumnException;
import io.pgrecord.internal.exec.RowTarget;
import io.pgrecord.internal.exec.ShapeCache;
import io.pgrecord.internal.types.DirectType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/**
 * Everything pgrecord knows about a model class, computed once per class: table, fields,
 * keys, special columns and relations.
 */
public final class ModelMeta<T> implements RowTarget {

    private static final ClassValue<ModelMeta<?>> CACHE = new ClassValue<>() {
        @Override
        protected ModelMeta<?> computeValue(Class<?> type) {
            return new ModelMeta<>(type);
        }
    };

    /** pgrecord's own base classes, whose fields are bookkeeping, not columns. */
    private static final Set<String> BASE_CLASSES =
            Set.of("io.pgrecord.Model", "io.pgrecord.ActiveRecord", "io.pgrecord.AsyncActiveRecord");

    private final Class<T> type;
    private final Name tableName;
    private final boolean tableNameDerived;
    private final org.jooq.Table<Record> table;
    private final org.jooq.Table<Record> typedTable;
    private final List<FieldMeta> fields;
    private final List<FieldMeta> ids;
    private final Map<String, FieldMeta> byName = new LinkedHashMap<>();
    private final Map<String, VarHandle> relations = new LinkedHashMap<>();
    private final List<SelectField<?>> selectFields;
    private final FieldMeta version;
    private final FieldMeta createdAt;
    private final FieldMeta updatedAt;
    private final FieldMeta softDelete;
    private final MethodHandle constructor;
    private final RowFiller.Mapping mapping;
    private final DirectType[] columnKinds;
    private final FieldMeta[] primitiveFields;
    private final FieldMeta[] mutableFields;
    private final Set<Hook> hooks;
    /** Whether preparing a write changes an instance: timestamps, a first version, before-hooks. */
    private final boolean changedByPlanning;
    private final boolean strictLoading;
    private final ShapeCache shapes = new ShapeCache(this);
    private volatile Object prototype;

    @SuppressWarnings("unchecked")
    public static <T> ModelMeta<T> of(Class<T> type) {
        return (ModelMeta<T>) CACHE.get(type);
    }

    private ModelMeta(Class<T> type) {
        this.type = type;
        Table table = type.getAnnotation(Table.class);
        String name = table != null ? table.value() : Names.snakeCase(type.getSimpleName());
        this.tableNameDerived = table == null;
        this.tableName = DSL.name(name.split("\\."));
        this.table = DSL.table(tableName);
        MethodHandles.Lookup lookup;
        try {
            // a named io.pgrecord reads only the modules it requires; the model's module opening
            // its package is the consent, and privateLookupIn also needs the read edge
            ModelMeta.class.getModule().addReads(type.getModule());
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingException("cannot access the fields of " + type.getName() + ": "
                    + openHint(type, ModelMeta.class.getModule()), e);
        }
        List<FieldMeta> all = new ArrayList<>();
        for (Field f : persistentCandidates(type)) {
            try {
                if (Relation.class.isAssignableFrom(f.getType())) {
                    relations.put(f.getName(), lookup.unreflectVarHandle(f));
                    continue;
                }
                FieldMeta fm = new FieldMeta(f, all.size(), tableName, lookup);
                FieldMeta clash = byName.get(fm.column());
                if (clash != null) {
                    throw new MappingException("fields " + type.getSimpleName() + "." + clash.javaName() + " and "
                            + type.getSimpleName() + "." + fm.javaName() + " both map to column " + fm.column());
                }
                all.add(fm);
                byName.put(fm.column(), fm);
            } catch (IllegalAccessException e) {
                throw new MappingException("cannot access field " + type.getSimpleName() + "." + f.getName(), e);
            }
        }
        for (FieldMeta fm : all) {
            byName.putIfAbsent(fm.javaName(), fm);
        }
        this.fields = List.copyOf(all);
        this.ids = all.stream().filter(FieldMeta::isId).toList();
        requireKey(type, ids);
        this.version = single(all.stream().filter(FieldMeta::isVersion).toList(), "@Version");
        this.createdAt = single(all.stream().filter(FieldMeta::isCreatedAt).toList(), "@CreatedAt");
        this.updatedAt = single(all.stream().filter(FieldMeta::isUpdatedAt).toList(), "@UpdatedAt");
        this.softDelete = single(all.stream().filter(FieldMeta::isSoftDelete).toList(), "@SoftDelete");
        this.typedTable = new ModelTable(tableName, all);
        this.selectFields = all.stream().<SelectField<?>>map(FieldMeta::selected).collect(Collectors.toUnmodifiableList());
        this.columnKinds = columnKinds(all);
        this.primitiveFields = all.stream().filter(f -> f.type().isPrimitive()).toArray(FieldMeta[]::new);
        this.mutableFields = columnKinds == null ? new FieldMeta[0]
                : all.stream().filter(f -> columnKinds[f.index()].mutable()).toArray(FieldMeta[]::new);
        this.hooks = overriddenHooks(type);
        this.changedByPlanning = version != null || createdAt != null || updatedAt != null || hooks.contains(Hook.BEFORE_SAVE)
                || hooks.contains(Hook.BEFORE_INSERT) || hooks.contains(Hook.BEFORE_UPDATE) || hooks.contains(Hook.BEFORE_DELETE);
        this.strictLoading = type.isAnnotationPresent(StrictLoading.class);
        try {
            this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MappingException("model " + type.getName() + " needs a no-argument constructor", e);
        }
        MethodHandle fill = RowFiller.fill(all.toArray(FieldMeta[]::new));
        this.mapping = RowFiller.compile(RowFiller.create(constructor, fill), fill);
    }

    /**
     * What to add to the model's module so that pgrecord may read and write its fields. The
     * module to name is the one pgrecord's classes are in: on the module path it is the named
     * module {@code io.pgrecord}, on the class path it is unnamed.
     */
    static String openHint(Class<?> model, Module library) {
        String pkg = model.getPackageName();
        Module own = model.getModule();
        String where = own.isNamed() ? "the module-info of " + own.getName() : "its module-info";
        if (library.isNamed()) {
            return "its package is not open to module " + library.getName() + "; add \"opens " + pkg + " to "
                    + library.getName() + ";\" to " + where;
        }
        return "its package is not open to pgrecord, which is on the class path (the unnamed module); add \"opens "
                + pkg + ";\" to " + where + ", or run with --add-opens "
                + (own.isNamed() ? own.getName() : "<module>") + "/" + pkg + "=ALL-UNNAMED";
    }

    /**
     * Refuses a model without a usable primary key before it is used: without an {@code @Id}
     * the first save would work and every update, delete or refresh fail; a primitive
     * {@code @Id} cannot be null, so a new record would insert 0 as its key.
     */
    private static void requireKey(Class<?> type, List<FieldMeta> ids) {
        if (ids.isEmpty()) {
            throw new MappingException("model " + type.getName() + " has no @Id field: mark its primary-key field with @Id"
                    + " (several fields for a composite key); pgrecord needs the key to update, delete and refresh rows");
        }
        for (FieldMeta id : ids) {
            if (id.type().isPrimitive()) {
                String boxed = MethodType.methodType(id.type()).wrap().returnType().getSimpleName();
                throw new MappingException("@Id field " + type.getSimpleName() + "." + id.javaName() + " is a primitive "
                        + id.type().getName() + ", which cannot be null, so a new " + type.getSimpleName()
                        + " would insert " + (id.type() == boolean.class ? "false" : "0") + " as its key: declare it as "
                        + boxed + " (null until the INSERT fills it from RETURNING, or set by the caller)");
            }
        }
    }

    /** How to read each column of the model's projection without jOOQ; null when some column needs jOOQ. */
    private static DirectType[] columnKinds(List<FieldMeta> fields) {
        var kinds = new DirectType[fields.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = DirectType.of(fields.get(i).dataType());
            if (kinds[i] == null) {
                return null;
            }
        }
        return kinds;
    }

    /**
     * The types of the projection's columns, in {@link #fields()} order, or null when reading
     * them needs jOOQ's bindings. Callers must not modify the array.
     */
    public DirectType[] columnKinds() {
        return columnKinds;
    }

    /**
     * With {@link #columnKinds()}, the fields whose values may change in place (JSON trees,
     * lists, arrays), which a snapshot must copy. Callers must not modify the array.
     */
    public FieldMeta[] mutableFields() {
        return mutableFields;
    }

    /** The fields of primitive type, which keep their value when their column is null. Callers must not modify the array. */
    public FieldMeta[] primitiveFields() {
        return primitiveFields;
    }

    /** Sets every field from a row in {@link #selectFields()} order; a null leaves a primitive field as it is. */
    public void fill(Object model, Object[] row) {
        try {
            mapping.fill(model, row);
        } catch (ClassCastException e) {
            throw ModelErrors.unfit(this, row, e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingException("cannot fill " + type.getName(), e);
        }
    }

    /** How rows become instances of this model. */
    RowFiller.Mapping mapping() {
        return mapping;
    }

    /** A new instance filled from a row, as {@link #newInstance()} then {@link #fill}. */
    @SuppressWarnings("unchecked")
    public T newFilled(Object[] row) {
        try {
            return (T) mapping.create(row);
        } catch (ClassCastException e) {
            // a value of another type than its field's, e.g. from a record a caller built
            throw ModelErrors.unfit(this, row, e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingException("cannot construct " + type.getName(), e);
        }
    }

    /** A value of this model's projection that could not be read, as the field it was going to. */
    @Override
    public MappingException unreadable(UnreadableColumnException failure) {
        return unreadable(failure.index(), failure);
    }

    /** The same for rows in which the field at {@code index} of the projection holds that column. */
    public MappingException unreadable(int index, UnreadableColumnException failure) {
        return ModelErrors.unreadable(this, index, failure);
    }

    /**
     * {@code Model{field=value, ...}} for a model's {@code toString()}: every persisted field,
     * {@code @Sensitive} ones as {@code ***}, long values shortened; see {@link ModelStrings}.
     */
    public String toString(Object model) {
        return ModelStrings.describe(this, model);
    }

    /**
     * {@link #toString(Object)} for the model's class; a class pgrecord cannot map prints as
     * {@link Object#toString()} would, since a toString() that throws hides the real error.
     */
    public static String describe(Object model) {
        ModelMeta<?> meta;
        try {
            meta = of(model.getClass());
        } catch (RuntimeException e) {
            return model.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(model));
        }
        return meta.toString(model);
    }

    /** See {@link #changedByPlanning}: such a model's failed write puts the instance back (see {@code Work.Tracked}). */
    boolean changedByPlanning() {
        return changedByPlanning;
    }

    /** Whether the model class overrides a hook: the base class's hooks do nothing, so a row needs no call for the others. */
    public boolean overrides(Hook hook) {
        return hooks.contains(hook);
    }

    private static Set<Hook> overriddenHooks(Class<?> type) {
        Set<Hook> found = EnumSet.noneOf(Hook.class);
        for (Class<?> c = type; c != null && !BASE_CLASSES.contains(c.getName()); c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                    for (Hook h : Hook.values()) {
                        if (h.methodName().equals(m.getName())) {
                            found.add(h);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** This model's rendered statements. */
    public ShapeCache shapes() {
        return shapes;
    }

    /** Instance fields from the topmost model superclass down, skipping transient ones and pgrecord's own. */
    private static List<Field> persistentCandidates(Class<?> type) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class && !BASE_CLASSES.contains(c.getName()); c = c.getSuperclass()) {
            chain.push(c);
        }
        List<Field> result = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic() || f.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                result.add(f);
            }
        }
        return result;
    }

    private FieldMeta single(List<FieldMeta> found, String annotation) {
        if (found.size() > 1) {
            throw new MappingException("model " + type.getSimpleName() + " has " + found.size() + " " + annotation
                    + " fields: " + found.stream().map(FieldMeta::javaName).toList() + "; at most one is allowed");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Fails before any SQL when a field's type is newer than the server, e.g. a MultiRange
     * field on PostgreSQL 13, whatever the field's value.
     */
    public void requireCapabilities(Capabilities caps) {
        // on every statement of the model: an indexed loop makes no iterator
        for (int i = 0; i < fields.size(); i++) {
            FieldMeta f = fields.get(i);
            if (f.requires() != null) {
                caps.require(f.requires());
            }
        }
    }

    @SuppressWarnings("unchecked")
    public T newInstance() {
        try {
            return (T) (Object) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingException("cannot construct " + type.getName(), e);
        }
    }

    /**
     * The field for a column name or a Java field name.
     *
     * @throws IllegalArgumentException naming the model and the known columns
     */
    public FieldMeta resolve(String nameOrColumn) {
        FieldMeta f = byName.get(nameOrColumn);
        if (f == null) {
            throw new IllegalArgumentException("unknown column '" + nameOrColumn + "' for model " + type.getSimpleName()
                    + " (table " + tableName + "); known columns: " + fields.stream().map(FieldMeta::column).toList());
        }
        return f;
    }

    /** The field mapped to a column, or null. */
    public FieldMeta byColumn(String column) {
        FieldMeta f = byName.get(column);
        return f != null && f.column().equals(column) ? f : null;
    }

    /** The relation object of a model instance, by relation field name. */
    public Object relation(Object model, String name) {
        VarHandle h = relations.get(name);
        if (h == null) {
            throw new IllegalArgumentException("unknown relation '" + name + "' on model " + type.getSimpleName()
                    + "; known relations: " + relations.keySet());
        }
        Object handle = h.get(model);
        if (handle == null) {
            throw new MappingException("relation field " + type.getSimpleName() + "." + name + " is null; initialise it with hasMany(...) and friends");
        }
        return handle;
    }

    /** Drops every relation's cached value: {@code refresh()} reloads them as Rails' {@code reload} does. */
    void resetRelations(Object model) {
        for (VarHandle h : relations.values()) {
            if (h.get(model) instanceof io.pgrecord.Relation<?> relation) {
                relation.reset();
            }
        }
    }

    /** The relation field name of a relation object of {@code model}, found by identity. */
    public String relationName(Object model, Object relation) {
        for (Map.Entry<String, VarHandle> e : relations.entrySet()) {
            if (e.getValue().get(model) == relation) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("the relation is not a field of this " + type.getSimpleName());
    }

    /** Whether the class is marked {@code @StrictLoading}. */
    public boolean strictLoading() {
        return strictLoading;
    }

    /** A relation's join, read from a prototype instance. */
    public RelationSpec relationSpec(String name) {
        Object p = prototype;
        if (p == null) {
            p = newInstance();
            prototype = p;
        }
        return ModelAccess.get().relationSpec(relation(p, name));
    }

    public Class<T> type() {
        return type;
    }

    public Name tableName() {
        return tableName;
    }

    /** Whether the table name was derived from the class name, not given by {@code @Table}. */
    public boolean tableNameDerived() {
        return tableNameDerived;
    }

    public org.jooq.Table<Record> table() {
        return table;
    }

    /**
     * The table with the model's columns as typed fields ({@link ModelTable}), for raw jOOQ:
     * {@code find.table()}. pgrecord's own statements use {@link #table()}.
     */
    public org.jooq.Table<Record> typedTable() {
        return typedTable;
    }

    public List<FieldMeta> fields() {
        return fields;
    }

    /** The qualified, typed fields in declaration order: the model's projection. */
    public List<SelectField<?>> selectFields() {
        return selectFields;
    }

    public List<FieldMeta> ids() {
        return ids;
    }

    /** The single @Id field, for relations and findById. */
    public FieldMeta singleId() {
        if (ids.size() != 1) {
            throw new MappingException("model " + type.getSimpleName() + " needs exactly one @Id field here, it has "
                    + ids.size() + (ids.isEmpty() ? "; mark the primary key with @Id" : " (composite key)"));
        }
        return ids.get(0);
    }

    public FieldMeta version() {
        return version;
    }

    public FieldMeta createdAt() {
        return createdAt;
    }

    public FieldMeta updatedAt() {
        return updatedAt;
    }

    public FieldMeta softDelete() {
        return softDelete;
    }

    public Set<String> relationNames() {
        return Collections.unmodifiableSet(relations.keySet());
    }
}
