package io.pgrecord.internal.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.Upsert;
import io.pgrecord.internal.exec.ShapeCache;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.types.BindValues;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * Multi-row writes: one {@code INSERT ... VALUES (...), (...) RETURNING} per chunk, so keys
 * and defaults come back into every instance in one round trip per chunk.
 */
public final class BulkWrites {

    /** PostgreSQL accepts at most 65535 bind values per statement. */
    private static final int MAX_BINDS = 65535;

    private BulkWrites() {
    }

    /** {@code json} is the backend's mapper, which writes the models' JSON fields, here as in every write. */
    public static <T> Work<Integer> insertAll(ModelMeta<T> meta, List<T> models, Capabilities caps, ObjectMapper json) {
        return write(meta, models, caps, json, null);
    }

    public static <T> Work<Integer> upsertAll(ModelMeta<T> meta, List<T> models, Capabilities caps, ObjectMapper json,
            String... conflictColumns) {
        return upsertAll(meta, models, caps, json, Upsert.on(conflictColumns));
    }

    /**
     * A multi-row upsert. With DO UPDATE every model is filled from RETURNING; with DO NOTHING
     * or an update WHERE, rows come back only for what was written, and are matched to models by
     * their conflict columns (a constraint's, read from the catalog).
     *
     * @return the rows inserted or updated
     */
    public static <T> Work<Integer> upsertAll(ModelMeta<T> meta, List<T> models, Capabilities caps, ObjectMapper json, Upsert upsert) {
        meta.requireCapabilities(caps);
        caps.require(Capability.UPSERT);
        return write(meta, models, caps, json, new UpsertPlan(meta, upsert));
    }

    /**
     * {@code COPY FROM STDIN}, binary where every value has a binary form: the bulk path. No
     * hooks, no validation and no RETURNING (ids are not filled in); the server checks every row
     * and a bad one aborts the whole copy.
     */
    public static <T> Work<Long> copyIn(ModelMeta<T> meta, List<T> models, Capabilities caps, ObjectMapper json) {
        meta.requireCapabilities(caps);
        if (models.isEmpty()) {
            return Work.done(0L);
        }
        return CopyIn.work(meta, models, json);
    }

    private static <T> Work<Integer> write(ModelMeta<T> meta, List<T> models, Capabilities caps, ObjectMapper json, UpsertPlan conflict) {
        meta.requireCapabilities(caps);
        if (models.isEmpty()) {
            return Work.done(0);
        }
        return InstanceStates.tracked(meta, models, () -> {
            RecordPersistence.prepareAll(meta, models, conflict == null);
            // a null version is sent as DEFAULT where the column has one
            return RecordPersistence.firstVersions(meta, models, false).then(ignored -> conflict == null
                    ? chunks(meta, models, json, null) : conflict.keyed(meta).then(plan -> chunks(meta, models, json, plan)));
        });
    }

    private static <T> Work<Integer> chunks(ModelMeta<T> meta, List<T> models, ObjectMapper json, UpsertPlan conflict) {
        List<FieldMeta> columns = setColumns(meta, models);
        if (columns.isEmpty()) {
            Work<Integer> w = Work.done(0);
            for (T m : models) {
                w = w.then(n -> RecordPersistence.insertPlanned(meta, m, json).map(k -> n + k));
            }
            return w;
        }
        // an upsert updates what each instance sets, as a single upsert does: instances that set
        // different fields go in statements of their own, so a field one leaves null is not reset
        Map<List<FieldMeta>, List<T>> groups = conflict == null ? Map.of(columns, models) : bySetFields(meta, models);
        List<Work<Written>> statements = new ArrayList<>();
        for (Map.Entry<List<FieldMeta>, List<T>> group : groups.entrySet()) {
            // an instance that sets nothing goes with the others' columns, as DEFAULTs
            List<FieldMeta> set = group.getKey().isEmpty() ? columns : group.getKey();
            List<T> members = group.getValue();
            int chunk = Math.max(1, MAX_BINDS / Math.max(1, set.size()));
            for (int from = 0; from < members.size(); from += chunk) {
                statements.add(chunk(meta, members.subList(from, Math.min(members.size(), from + chunk)), set, json, conflict));
            }
        }
        return allOrNothing(meta, models, statements, InstanceStates.hooked(meta, Hook.AFTER_INSERT, Hook.AFTER_SAVE));
    }

    /**
     * The statements writing {@code models}, all or nothing: several go in one transaction (a
     * savepoint inside one), and the instances learn what the server wrote only once every
     * statement is in, so a failure leaves them all as they were. When the model overrides an
     * after-hook ({@code hooked}), which runs as the instances learn it, that happens inside the
     * transaction, and a hook's failure rolls it back and puts the instances back.
     */
    static <T> Work<Integer> allOrNothing(ModelMeta<T> meta, List<T> models, List<Work<Written>> statements, boolean hooked) {
        if (statements.size() == 1 && !hooked) {
            return statements.get(0).map(Written::apply);
        }
        Work<List<Written>> work = Work.done(new ArrayList<>());
        for (Work<Written> statement : statements) {
            work = work.then(written -> statement.map(w -> {
                written.add(w);
                return written;
            }));
        }
        return hooked ? InstanceStates.atomic(meta, models, work.map(BulkWrites::apply)) : Work.pinned(work).map(BulkWrites::apply);
    }

    private static int apply(List<Written> written) {
        int rows = 0;
        for (Written w : written) {
            rows += w.apply();
        }
        return rows;
    }

    /** A statement's rows, written by the server, and how they go into its instances. */
    record Written(int rows, Runnable into) {

        int apply() {
            into.run();
            return rows;
        }
    }

    /** The instances by the fields each sets (in field order), in the order they first occur. */
    static <T> Map<List<FieldMeta>, List<T>> bySetFields(ModelMeta<T> meta, List<T> models) {
        Map<List<FieldMeta>, List<T>> groups = new LinkedHashMap<>();
        for (T m : models) {
            groups.computeIfAbsent(setColumns(meta, List.of(m)), k -> new ArrayList<>()).add(m);
        }
        return groups;
    }

    /** The fields set in some model, in field order; the others are left to their column defaults. */
    static <T> List<FieldMeta> setColumns(ModelMeta<T> meta, List<T> models) {
        List<FieldMeta> columns = new ArrayList<>();
        for (FieldMeta f : meta.fields()) {
            if (!f.isGenerated() && models.stream().anyMatch(m -> f.get(m) != null)) {
                columns.add(f);
            }
        }
        return columns;
    }

    /** Chunks up to this many values have their SQL cached; larger ones are rendered per call. */
    private static final int CACHED_BINDS = 4096;

    private static <T> Work<Written> chunk(ModelMeta<T> meta, List<T> part, List<FieldMeta> columns, ObjectMapper json,
            UpsertPlan conflict) {
        // a null value is sent as DEFAULT, so which values are null is part of the statement's shape
        BitSet defaults = new BitSet();
        List<Object> values = new ArrayList<>(part.size() * columns.size());
        int position = 0;
        for (T m : part) {
            for (FieldMeta f : columns) {
                Object v = f.get(m);
                if (v == null) {
                    defaults.set(position);
                } else {
                    values.add(BindValues.check(f.column(), f.dataType(), v, json));
                }
                position++;
            }
        }
        Object[] slots = values.toArray();
        Supplier<ShapeCache.Source<ResultQuery<Record>>> source = () -> {
            InsertValuesStepN<Record> insert = DSL.insertInto(meta.table(), columns.stream().map(FieldMeta::unqualified).toList());
            List<Param<?>> params = new ArrayList<>(slots.length);
            int at = 0;
            for (int row = 0; row < part.size(); row++) {
                List<Field<?>> fields = new ArrayList<>(columns.size());
                for (FieldMeta f : columns) {
                    if (defaults.get(at++)) {
                        fields.add(DSL.defaultValue(f.dataType()));
                    } else {
                        Param<Object> p = DSL.val(slots[params.size()], f.dataType());
                        params.add(p);
                        fields.add(p);
                    }
                }
                insert = insert.values(fields);
            }
            ResultQuery<Record> statement = conflict == null ? insert.returning(meta.selectFields()) : conflict.apply(meta, insert, columns);
            return new ShapeCache.Source<>(statement, params);
        };
        Function<List<Object[]>, Work<Written>> filled = rows -> Work.done(new Written(rows.size(), () -> {
            if (conflict == null || conflict.returnsEveryRow()) {
                // INSERT ... VALUES returns rows in VALUES order
                for (int i = 0; i < part.size(); i++) {
                    written(meta, part.get(i), rows.get(i), conflict == null);
                }
            } else {
                matchByKey(meta, part, rows, conflict.key());
            }
        }));
        if (conflict != null || position > CACHED_BINDS || RecordPersistence.cacheable(meta) == null) {
            return new Work.Rows<>(source.get().query(), null, meta.columnKinds(), meta, filled);
        }
        long mask = 0;
        for (FieldMeta f : columns) {
            mask |= RecordPersistence.bit(f);
        }
        return meta.shapes().rows(new ChunkKey(mask, part.size(), defaults), slots, meta.columnKinds(), source, filled);
    }

    /** What decides a multi-row INSERT's SQL: its columns, its row count, which values are DEFAULT. */
    private record ChunkKey(long columns, int rows, BitSet defaults) {
    }

    private static <T> void written(ModelMeta<T> meta, T m, Object[] row, boolean inserted) {
        RowMapper.apply(meta, m, row);
        RecordState.markPersisted(meta, m, row);
        if (inserted) {
            RecordPersistence.fire(m, Hook.AFTER_INSERT);
        }
        RecordPersistence.fire(m, Hook.AFTER_SAVE);
    }

    /** Fills the models whose rows came back, found by their conflict-column values. */
    private static <T> void matchByKey(ModelMeta<T> meta, List<T> part, List<Object[]> rows, List<FieldMeta> key) {
        if (key.isEmpty()) {
            return;     // a constraint over an expression or an unmapped column: nothing to match by
        }
        Map<List<Object>, T> byKey = new HashMap<>();
        for (T m : part) {
            byKey.put(key.stream().map(f -> f.get(m)).toList(), m);
        }
        for (Object[] row : rows) {
            List<Object> k = key.stream().map(f -> row[f.index()]).toList();
            T m = byKey.get(k);
            if (m != null) {
                written(meta, m, row, false);
            }
        }
    }

}
