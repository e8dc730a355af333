package io.pgrecord.internal.model;

import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.internal.exec.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.pgrecord.internal.types.BindValues;
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
        return upsertAll(meta, models, caps, io.pgrecord.Upsert.on(conflictColumns));
    }

    /**
     * A multi-row upsert. With DO UPDATE every model is filled from RETURNING; with DO NOTHING
     * or an update WHERE, rows come back only for what was written, and are matched to models by
     * their conflict columns.
     *
     * @return the rows inserted or updated
     */
    public static <T> Work<Integer> upsertAll(ModelMeta<T> meta, List<T> models, Capabilities caps, io.pgrecord.Upsert upsert) {
        meta.requireCapabilities(caps);
        caps.require(Capability.UPSERT);
        return write(meta, models, caps, new UpsertPlan(meta, upsert));
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

    private static <T> Work<Integer> write(ModelMeta<T> meta, List<T> models, Capabilities caps, UpsertPlan conflict) {
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

    private static <T> Work<Integer> chunk(ModelMeta<T> meta, List<T> part, List<FieldMeta> columns, UpsertPlan conflict) {
        InsertValuesStepN<Record> insert = DSL.insertInto(meta.table(), columns.stream().map(FieldMeta::unqualified).toList());
        for (T m : part) {
            List<Field<?>> row = new ArrayList<>(columns.size());
            for (FieldMeta f : columns) {
                Object v = f.get(m);
                row.add(v == null ? DSL.defaultValue(f.dataType()) : BindValues.of(f.column(), v, f.dataType()));
            }
            insert = insert.values(row);
        }
        var statement = conflict == null ? insert.returning(meta.selectFields()) : conflict.apply(meta, insert, columns);
        return new Work.Fetch<>(statement, rows -> {
            if (conflict == null || conflict.returnsEveryRow()) {
                // INSERT ... VALUES returns rows in VALUES order
                for (int i = 0; i < part.size(); i++) {
                    written(meta, part.get(i), rows.get(i), conflict == null);
                }
            } else {
                matchByKey(meta, part, rows, conflict.conflict());
            }
            return Work.done(rows.size());
        });
    }

    private static <T> void written(ModelMeta<T> meta, T m, Record row, boolean inserted) {
        RowMapper.apply(meta, m, row);
        RecordOps.state(m).markPersisted(meta, m);
        if (inserted) {
            RecordOps.fire(m, Hook.AFTER_INSERT);
        }
        RecordOps.fire(m, Hook.AFTER_SAVE);
    }

    /** Fills the models whose rows came back, found by their conflict-column values. */
    private static <T> void matchByKey(ModelMeta<T> meta, List<T> part, List<Record> rows, List<FieldMeta> key) {
        if (key.isEmpty()) {
            return;     // a constraint target: the key columns are unknown
        }
        Map<List<Object>, T> byKey = new java.util.HashMap<>();
        for (T m : part) {
            byKey.put(key.stream().map(f -> f.get(m)).toList(), m);
        }
        for (Record row : rows) {
            List<Object> k = key.stream().map(f -> row.get(f.index())).toList();
            T m = byKey.get(k);
            if (m != null) {
                written(meta, m, row, false);
            }
        }
    }

}
