package io.pgrecord.internal.model;

import io.pgrecord.Upsert;
import io.pgrecord.internal.exec.JooqDefaults;
import io.pgrecord.internal.exec.Work;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Context;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.InsertReturningStep;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.DSL;

/** The ON CONFLICT clause of an {@link Upsert}, planned against a model's metadata. */
final class UpsertPlan {

    private final Upsert upsert;
    private final List<FieldMeta> conflict;
    private final List<FieldMeta> key;

    UpsertPlan(ModelMeta<?> meta, Upsert upsert) {
        this.upsert = upsert;
        this.conflict = upsert.constraint() != null ? List.of()
                : RecordPersistence.conflictFields(meta, upsert.columns().toArray(String[]::new));
        this.key = conflict;
        for (String c : upsert.setColumns()) {
            meta.resolve(c);
        }
    }

    private UpsertPlan(UpsertPlan plan, List<FieldMeta> key) {
        this.upsert = plan.upsert;
        this.conflict = plan.conflict;
        this.key = key;
    }

    /**
     * The fields that find the instance a returned row belongs to: the conflict columns, or once
     * {@link #keyed} the constraint's columns; empty when they are unknown.
     */
    List<FieldMeta> key() {
        return key;
    }

    /**
     * This plan, and for a constraint target whose RETURNING does not give every row, the
     * constraint's columns as its {@link #key}: read from the catalog once per model, constraint
     * and backend, and kept by the backend's runner. A constraint over an expression, or over a
     * column without a field, leaves the key empty (the rows are not matched back); one that does
     * not exist is not kept, and the upsert meets the server's error.
     */
    Work<UpsertPlan> keyed(ModelMeta<?> meta) {
        if (upsert.constraint() == null || returnsEveryRow()) {
            return Work.done(this);
        }
        Work<List<String>> lookup = new Work.Fetch<>(constraintColumnsQuery(meta, upsert.constraint()), rows -> {
            List<String> columns = new ArrayList<>();
            for (Record r : rows) {
                String column = r.get(0, String.class);
                if (column == null) {
                    return Work.done(List.of());    // an expression: nothing to match by
                }
                columns.add(column);
            }
            return Work.done(rows.isEmpty() ? null : columns);
        });
        return new Work.Memo<>(new ConstraintColumns(meta.type(), upsert.constraint()), lookup, columns -> {
            if (columns == null) {
                return Work.done(this);
            }
            List<FieldMeta> fields = new ArrayList<>();
            for (String c : columns) {
                FieldMeta f = meta.byColumn(c);
                if (f == null) {
                    return Work.done(this);
                }
                fields.add(f);
            }
            return Work.done(new UpsertPlan(this, fields));
        });
    }

    /** The backend-wide memo key of a constraint's columns. */
    private record ConstraintColumns(Class<?> model, String constraint) {
    }

    /** A row per column of the model table's constraint, in key order; a null name for an expression. */
    private static ResultQuery<Record> constraintColumnsQuery(ModelMeta<?> meta, String constraint) {
        return DSL.resultQuery("select a.attname::text from pg_catalog.pg_constraint c"
                + " cross join lateral unnest(c.conkey) with ordinality k(attnum, ord)"
                + " left join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum"
                + " where c.conrelid = pg_catalog.to_regclass({0}) and c.conname = {1} order by k.ord",
                DSL.val(RecordPersistence.regclass(meta)), DSL.val(constraint));
    }

    /** Whether RETURNING yields exactly one row per inserted row, in VALUES order. */
    boolean returnsEveryRow() {
        return !upsert.isDoNothing() && upsert.updateWhere() == null;
    }

    ResultQuery<Record> apply(ModelMeta<?> meta, InsertOnDuplicateStep<Record> insert, List<FieldMeta> inserted) {
        var target = upsert.constraint() != null
                ? insert.onConflictOnConstraint(DSL.name(upsert.constraint()))
                : upsert.indexPredicate() != null
                        ? insert.onConflict(fields(conflict)).where(inlined(upsert.indexPredicate()))
                        : insert.onConflict(fields(conflict));
        InsertReturningStep<Record> action;
        if (upsert.isDoNothing()) {
            action = target.doNothing();
        } else {
            var set = target.doUpdate().set(updates(meta, inserted));
            action = upsert.updateWhere() != null ? set.where(upsert.updateWhere()) : set;
        }
        return action.returning(meta.selectFields());
    }

    /**
     * The partial index's predicate with its values written in: jOOQ writes them so there anyway
     * (the server infers the index from constants), and a bind left in it would be one more than
     * the statement's binds. Rendered in both drivers' forms (SQL text in it writes a {@code ?}
     * operator {@code ??} for pgjdbc) and written as the statement's form is, not read again as
     * a jOOQ template.
     */
    private static Condition inlined(Condition predicate) {
        String escaped = INLINE.renderInlined(predicate);
        String numbered = INLINE_NUMBERED.renderInlined(predicate);
        return new CustomCondition() {
            @Override
            public void accept(Context<?> ctx) {
                ctx.sql('(').sql(JooqDefaults.numberedBinds(ctx) ? numbered : escaped).sql(')');
            }
        };
    }

    private static final DSLContext INLINE = DSL.using(JooqDefaults.DIALECT, JooqDefaults.settings());
    private static final DSLContext INLINE_NUMBERED = DSL.using(JooqDefaults.DIALECT, JooqDefaults.numberedSettings());

    private Map<Field<?>, Object> updates(ModelMeta<?> meta, List<FieldMeta> inserted) {
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        if (!upsert.setColumns().isEmpty()) {
            for (String c : upsert.setColumns()) {
                FieldMeta f = meta.resolve(c);
                if (!f.isVersion()) {
                    set.put(f.unqualified(), DSL.excluded(f.unqualified()));
                }
            }
            return bumpVersion(meta, set);
        }
        for (FieldMeta f : inserted) {
            if (!conflict.contains(f) && !f.isId() && !f.isCreatedAt() && !f.isVersion()) {
                set.put(f.unqualified(), DSL.excluded(f.unqualified()));
            }
        }
        if (set.isEmpty() && meta.version() == null) {
            // DO UPDATE needs one assignment; a no-op one makes RETURNING yield the existing row
            FieldMeta f = conflict.isEmpty() ? inserted.get(0) : conflict.get(0);
            set.put(f.unqualified(), DSL.excluded(f.unqualified()));
        }
        return bumpVersion(meta, set);
    }

    /**
     * An update through the conflict moves the row's {@code @Version} on from what the row held,
     * as a save does, so that a copy read before it is stale; the inserted row's own version
     * (a new instance's 0, or another instance's number) must not replace it.
     */
    private static Map<Field<?>, Object> bumpVersion(ModelMeta<?> meta, Map<Field<?>, Object> set) {
        FieldMeta v = meta.version();
        if (v != null) {
            set.put(v.unqualified(), DSL.coalesce(v.field(), DSL.inline(0).coerce(v.field())).plus(DSL.inline(1)));
        }
        return set;
    }

    private static List<Field<?>> fields(List<FieldMeta> fields) {
        List<Field<?>> result = new ArrayList<>();
        fields.forEach(f -> result.add(f.unqualified()));
        return result;
    }
}
