package io.pgrecord.internal.model;

import io.pgrecord.Upsert;
import io.pgrecord.internal.exec.JooqDefaults;
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

    UpsertPlan(ModelMeta<?> meta, Upsert upsert) {
        this.upsert = upsert;
        this.conflict = upsert.constraint() != null ? List.of()
                : RecordPersistence.conflictFields(meta, upsert.columns().toArray(String[]::new));
        for (String c : upsert.setColumns()) {
            meta.resolve(c);
        }
    }

    /** The conflict columns, empty for a constraint target. */
    List<FieldMeta> conflict() {
        return conflict;
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
