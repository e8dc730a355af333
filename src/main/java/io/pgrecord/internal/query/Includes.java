package io.pgrecord.internal.query;

import io.pgrecord.Capabilities;
import io.pgrecord.error.MappingException;
import io.pgrecord.internal.exec.BackendHandle;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.model.FieldMeta;
import io.pgrecord.internal.model.LoadOrigin;
import io.pgrecord.internal.model.ModelAccess;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.model.RelationSpec;
import io.pgrecord.internal.model.RowMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Eager loading for {@code include("posts.comments", "author")}: one query per relation and
 * level, whatever the number of parents, with the results stored in each parent's relation.
 */
public final class Includes {

    private Includes() {
    }

    /**
     * Parses dotted paths into a tree, validating every name against the models before any SQL;
     * {@code selected} is the owners' {@code select(...)} projection, or null for the model's own.
     */
    public static Map<String, Object> tree(ModelMeta<?> meta, List<String> paths, Capabilities caps,
            @Nullable List<SelectFieldOrAsterisk> selected) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (String path : paths) {
            Map<String, Object> level = root;
            ModelMeta<?> current = meta;
            // -1: a trailing dot leaves an empty name, refused as every unknown one is
            for (String name : path.split("\\.", -1)) {
                RelationSpec spec = current.relationSpec(name.trim());
                includable(current, name.trim(), spec);
                if (current == meta) {
                    requireSelected(meta, name.trim(), spec, selected);
                }
                // a target with a field of a gated type is refused before the owners' query is sent
                ModelMeta.of(spec.target()).requireCapabilities(caps);
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) level.computeIfAbsent(name.trim(), k -> new LinkedHashMap<String, Object>());
                level = next;
                current = ModelMeta.of(spec.target());
            }
        }
        return root;
    }

    /**
     * Refuses, before any SQL, a relation an include cannot load: the keys it matches rows by
     * must be single fields of the models, the child's foreign key included.
     */
    private static void includable(ModelMeta<?> owner, String name, RelationSpec spec) {
        ModelMeta<?> target = ModelMeta.of(spec.target());
        switch (spec.kind()) {
            case BELONGS_TO -> {
                ownerField(owner, spec.foreignKey(), name);
                keyOf(target, owner, name);
            }
            case HAS_ONE, HAS_MANY -> {
                keyOf(owner, owner, name);
                childField(owner, name, spec, target);
            }
            case HAS_MANY_THROUGH -> {
                keyOf(owner, owner, name);
                keyOf(target, owner, name);
            }
        }
    }

    /** The single {@code @Id} an include matches {@code model}'s rows by; refused, naming the relation, when there is none or several. */
    private static void keyOf(ModelMeta<?> model, ModelMeta<?> owner, String name) {
        try {
            model.singleId();
        } catch (MappingException e) {
            throw new MappingException("relation " + owner.type().getSimpleName() + "." + name + " cannot be included: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Refuses an include whose owners' projection leaves out the column it matches rows by: the
     * owners would have no key, and every relation would load empty (or null) without a word.
     */
    private static void requireSelected(ModelMeta<?> owner, String name, RelationSpec spec,
            @Nullable List<SelectFieldOrAsterisk> selected) {
        if (selected == null) {
            return;
        }
        String column = spec.kind() == RelationSpec.Kind.BELONGS_TO ? spec.foreignKey() : owner.singleId().column();
        for (SelectFieldOrAsterisk item : selected) {
            if (!(item instanceof Field<?> field) || field.getName().equals(column)) {
                return;
            }
        }
        throw new IllegalArgumentException("include(\"" + name + "\") matches " + owner.type().getSimpleName()
                + " rows by column " + column + ", which select(...) leaves out; select it too");
    }

    /**
     * Loads every relation of the tree into the given models, then returns them; the models
     * loaded carry {@code origin}'s strict mode and include path, when there is one.
     */
    public static <T> Work<List<T>> load(ModelMeta<T> meta, List<T> models, Map<String, Object> tree, BackendHandle backend,
            Capabilities caps, @Nullable LoadOrigin origin) {
        Work<Void> work = Work.done(null);
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> children = (Map<String, Object>) e.getValue();
            work = work.then(v -> loadOne(meta, models, e.getKey(), children, backend, caps, origin));
        }
        return work.map(v -> models);
    }

    private static Work<Void> loadOne(ModelMeta<?> meta, List<?> owners, String name, Map<String, Object> children,
            BackendHandle backend, Capabilities caps, @Nullable LoadOrigin origin) {
        RelationSpec spec = meta.relationSpec(name);
        return loadInto(meta, owners, name, spec, ModelMeta.of(spec.target()), children, backend, caps, origin);
    }

    private static <C> Work<Void> loadInto(ModelMeta<?> meta, List<?> owners, String name, RelationSpec spec,
            ModelMeta<C> target, Map<String, Object> children, BackendHandle backend, Capabilities caps,
            @Nullable LoadOrigin origin) {
        if (owners.isEmpty()) {
            return Work.done(null);
        }
        Work<List<C>> loaded = switch (spec.kind()) {
            case BELONGS_TO -> belongsTo(meta, owners, name, spec, target, backend, caps);
            case HAS_ONE, HAS_MANY -> hasMany(meta, owners, name, spec, target, backend, caps);
            case HAS_MANY_THROUGH -> through(meta, owners, name, spec, target, backend, caps);
        };
        LoadOrigin childOrigin = origin == null ? null : origin.child(name);
        return loaded.then(list -> {
            LoadOrigin.mark(list, childOrigin);
            return load(target, list, children, backend, caps, childOrigin);
        }).map(x -> null);
    }

    private static <C> Work<List<C>> belongsTo(ModelMeta<?> meta, List<?> owners, String name, RelationSpec spec,
            ModelMeta<C> target, BackendHandle backend, Capabilities caps) {
        FieldMeta fk = ownerField(meta, spec.foreignKey(), name);
        FieldMeta pk = target.singleId();
        Set<Object> keys = new LinkedHashSet<>();
        for (Object o : owners) {
            Object k = fk.get(o);
            if (k != null) {
                keys.add(k);
            }
        }
        if (keys.isEmpty()) {
            owners.forEach(o -> ModelAccess.get().preload(meta.relation(o, name), null));
            return Work.done(List.of());
        }
        QuerySpec q = new QuerySpec(target).whereIn(pk, keys);
        return QueryTerminals.modelRows(q, caps, rows -> {
            List<C> loaded = RowMapper.mapAll(target, rows, backend);
            Map<Object, C> byKey = new HashMap<>();
            loaded.forEach(c -> byKey.put(key(pk.get(c)), c));
            owners.forEach(o -> ModelAccess.get().preload(meta.relation(o, name), byKey.get(key(fk.get(o)))));
            return Work.done(loaded);
        });
    }

    private static <C> Work<List<C>> hasMany(ModelMeta<?> meta, List<?> owners, String name, RelationSpec spec,
            ModelMeta<C> target, BackendHandle backend, Capabilities caps) {
        FieldMeta pk = meta.singleId();
        FieldMeta fk = childField(meta, name, spec, target);
        Set<Object> keys = keysOf(owners, pk);
        if (keys.isEmpty()) {
            assign(meta, owners, name, pk, Map.of(), spec.isToMany());
            return Work.done(List.of());
        }
        QuerySpec q = new QuerySpec(target).whereIn(fk, keys)
                .orderBy(QuerySpec.byKey(target));
        return QueryTerminals.modelRows(q, caps, rows -> {
            List<C> loaded = RowMapper.mapAll(target, rows, backend);
            Map<Object, List<C>> byOwner = HashMap.newHashMap(keys.size());
            for (Object k : keys) {
                byOwner.put(key(k), new ArrayList<>());
            }
            int fkIndex = fk.index();
            for (int i = 0; i < loaded.size(); i++) {
                // the key as read, rather than through the field's getter
                List<C> siblings = byOwner.get(key(rows.get(i)[fkIndex]));
                if (siblings != null) {
                    siblings.add(loaded.get(i));
                }
            }
            assign(meta, owners, name, pk, byOwner, spec.isToMany());
            return Work.done(loaded);
        });
    }

    private static <C> Work<List<C>> through(ModelMeta<?> meta, List<?> owners, String name, RelationSpec spec,
            ModelMeta<C> target, BackendHandle backend, Capabilities caps) {
        FieldMeta pk = meta.singleId();
        FieldMeta targetPk = target.singleId();
        Table<?> join = DSL.table(spec.joinTableName());
        Field<Object> ownerColumn = DSL.field(spec.joinTableName().append(spec.foreignKey()), pk.dataType());
        Field<Object> targetColumn = DSL.field(spec.joinTableName().append(spec.joinTargetColumn()), targetPk.dataType());
        Set<Object> keys = keysOf(owners, pk);
        if (keys.isEmpty()) {
            assign(meta, owners, name, pk, Map.of(), spec.isToMany());
            return Work.done(List.of());
        }
        List<SelectField<?>> fields = new ArrayList<>(target.selectFields());
        fields.add(ownerColumn);
        // soft-deleted targets stay hidden, as in the lazy load and the other includes
        FieldMeta deleted = target.softDelete();
        var select = DSL.select(fields).from(target.table()).join(join).on(targetColumn.eq(targetPk.field()))
                .where(ownedBy(ownerColumn, pk, keys)).and(deleted == null ? DSL.noCondition() : deleted.field().isNull())
                .orderBy(targetPk.field());
        int ownerIndex = fields.size() - 1;
        return new Work.Fetch<>(select, target, rows -> {
            Map<Object, List<C>> byOwner = new HashMap<>();
            List<C> loaded = new ArrayList<>();
            for (Record r : rows) {
                C c = RowMapper.map(target, r, backend);
                loaded.add(c);
                byOwner.computeIfAbsent(key(r.get(ownerIndex)), k -> new ArrayList<>()).add(c);
            }
            assign(meta, owners, name, pk, byOwner, true);
            return Work.done(loaded);
        });
    }

    /**
     * {@code column = any(?)} with the owners' keys as one array bind, as the other includes bind
     * them: an IN list would write every key into the SQL (half a megabyte for 70,000 owners).
     */
    private static Condition ownedBy(Field<Object> column, FieldMeta pk, Set<Object> keys) {
        Param<Object> array = QuerySpec.keyArray(pk, keys);
        return array == null ? column.in(keys) : DSL.condition("{0} = any({1})", column, array);
    }

    private static Set<Object> keysOf(List<?> owners, FieldMeta pk) {
        Set<Object> keys = new LinkedHashSet<>();
        for (Object o : owners) {
            Object k = pk.get(o);
            if (k != null) {
                keys.add(k);
            }
        }
        return keys;
    }

    /**
     * Stores each owner's children in its relation. The lists are this load's own, so when every
     * owner has a key of its own they are handed over as they are; otherwise each owner gets a copy.
     */
    private static <C> void assign(ModelMeta<?> meta, List<?> owners, String name, FieldMeta pk,
            Map<Object, List<C>> byOwner, boolean toMany) {
        boolean ownLists = byOwner.size() == owners.size();
        for (Object o : owners) {
            List<C> children = byOwner.get(key(pk.get(o)));
            Object value;
            if (toMany) {
                value = children == null ? new ArrayList<>() : ownLists ? children : new ArrayList<>(children);
            } else {
                value = children == null || children.isEmpty() ? null : children.get(0);
            }
            ModelAccess.get().preload(meta.relation(o, name), value);
        }
    }

    /**
     * A key as the maps here hold it: integers of every width as a {@code Long}, so an
     * {@code Integer} foreign key finds its {@code Long} owner (an integer column referencing a
     * bigint id), as the SQL comparison does.
     */
    private static @Nullable Object key(@Nullable Object k) {
        return k instanceof Integer || k instanceof Short || k instanceof Byte ? Long.valueOf(((Number) k).longValue()) : k;
    }

    /** The child's field holding the foreign key of a to-one or to-many relation, which an include matches rows by. */
    private static FieldMeta childField(ModelMeta<?> meta, String name, RelationSpec spec, ModelMeta<?> target) {
        FieldMeta fk = target.byColumn(spec.foreignKey());
        if (fk == null) {
            throw new MappingException("relation " + meta.type().getSimpleName() + "." + name + " needs a field for column "
                    + spec.foreignKey() + " on " + target.type().getSimpleName() + " to be included; its lazy get() works without");
        }
        return fk;
    }

    private static FieldMeta ownerField(ModelMeta<?> meta, String column, String relation) {
        FieldMeta f = meta.byColumn(column);
        if (f == null) {
            throw new MappingException("relation " + meta.type().getSimpleName() + "." + relation + " needs a field for column "
                    + column + " on " + meta.type().getSimpleName());
        }
        return f;
    }
}
