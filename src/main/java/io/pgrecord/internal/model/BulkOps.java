package io.pgrecord.internal.model;

import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.internal.exec.Work;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Multi-row writes: one {@code INSERT ... VALUES (...), (...) RETURNING} per chunk, so keys
 * and defaults come back into every instance in one round trip per chunk.
 */
public final class BulkOps {

    /** PostgreSQL accepts at most 65535 bind values per statement. */
    private static final int MAX_BINDS = 65535;

    private BulkOps() {
    }

    public static <T> Work<Integer> insertAll(ModelMeta<T> meta, List<T> models, Capabilities caps) {
        return write(meta, models, caps, null);
    }

    public static <T> Work<Integer> upsertAll(ModelMeta<T> meta, List<T> models, Capabilities caps, String... conflictColumns) {
        caps.require(Capability.UPSERT);
        return write(meta, models, caps, RecordOps.conflictFields(meta, conflictColumns));
    }

    /**
     * {@code COPY FROM STDIN}: the bulk path. No hooks, no validation and no RETURNING (ids are not
     * filled in); the server checks every row and a bad one aborts the whole copy.
     */
    public static <T> Work<Long> copyIn(ModelMeta<T> meta, List<T> models, Capabilities caps) {
        meta.requireCapabilities(caps);
        if (models.isEmpty()) {
            return Work.done(0L);
        }
        CopyText text = CopyText.encode(meta, models);
        return new Work.Copy<>(text.sql(), text.chunks(), Work::done);
    }

    private static <T> Work<Integer> write(ModelMeta<T> meta, List<T> models, Capabilities caps, List<FieldMeta> conflict) {
        meta.requireCapabilities(caps);
        if (models.isEmpty()) {
            return Work.done(0);
        }
        for (T m : models) {
            RecordOps.validate(m);
        }
        for (T m : models) {
            RecordOps.fire(m, Hook.BEFORE_SAVE);
            if (conflict == null) {
                RecordOps.fire(m, Hook.BEFORE_INSERT);
            }
            RecordOps.stampForInsert(meta, m);
        }
        List<FieldMeta> columns = new ArrayList<>();
        for (FieldMeta f : meta.fields()) {
            if (!f.isGenerated() && models.stream().anyMatch(m -> f.get(m) != null)) {
                columns.add(f);
            }
        }
        if (columns.isEmpty()) {
            Work<Integer> w = Work.done(0);
            for (T m : models) {
                w = w.then(n -> RecordOps.insertPlanned(meta, m).map(k -> n + k));
            }
            return w;
        }
        int chunk = Math.max(1, MAX_BINDS / columns.size());
        Work<Integer> work = Work.done(0);
        for (int from = 0; from < models.size(); from += chunk) {
            List<T> part = models.subList(from, Math.min(models.size(), from + chunk));
            work = work.then(n -> chunk(meta, part, columns, conflict).map(k -> n + k));
        }
        return work;
    }

    private static <T> Work<Integer> chunk(ModelMeta<T> meta, List<T> part, List<FieldMeta> columns, List<FieldMeta> conflict) {
        InsertValuesStepN<Record> insert = DSL.insertInto(meta.table(), columns.stream().map(FieldMeta::unqualified).toList());
        for (T m : part) {
            List<Field<?>> row = new ArrayList<>(columns.size());
            for (FieldMeta f : columns) {
                Object v = f.get(m);
                row.add(v == null ? DSL.defaultValue(f.dataType()) : DSL.val(v, f.dataType()));
            }
            insert = insert.values(row);
        }
        var statement = conflict == null
                ? insert.returning(meta.selectFields())
                : insert.onConflict(conflict.stream().map(FieldMeta::unqualified).toList())
                        .doUpdate().set(updates(columns, conflict)).returning(meta.selectFields());
        return new Work.Fetch<>(statement, rows -> {
            // INSERT ... VALUES returns rows in VALUES order
            for (int i = 0; i < part.size(); i++) {
                T m = part.get(i);
                RowMapper.apply(meta, m, rows.get(i));
                RecordOps.state(m).markPersisted(meta, m);
                if (conflict == null) {
                    RecordOps.fire(m, Hook.AFTER_INSERT);
                }
                RecordOps.fire(m, Hook.AFTER_SAVE);
            }
            return Work.done(rows.size());
        });
    }

    private static Map<Field<?>, Object> updates(List<FieldMeta> columns, List<FieldMeta> conflict) {
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (FieldMeta f : columns) {
            if (!conflict.contains(f) && !f.isId() && !f.isCreatedAt()) {
                set.put(f.unqualified(), DSL.excluded(f.unqualified()));
            }
        }
        if (set.isEmpty()) {
            set.put(conflict.get(0).unqualified(), DSL.excluded(conflict.get(0).unqualified()));
        }
        return set;
    }
}
