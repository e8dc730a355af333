package io.pgrecord.internal.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.types.BindValues;
import io.pgrecord.internal.types.TypeMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.RowN;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * {@code MERGE INTO t USING (VALUES ...) src ON <match columns> WHEN MATCHED THEN UPDATE ...
 * WHEN NOT MATCHED THEN INSERT ...}: PostgreSQL 15+. From 17 it ends with {@code RETURNING}, and
 * the models are filled from the rows, matched by their key columns.
 */
public final class BulkMerge {

    private BulkMerge() {
    }

    /** {@code json} is the backend's mapper, which writes the models' JSON fields, here as in every write. */
    public static <T> Work<Integer> mergeAll(ModelMeta<T> meta, List<T> models, Capabilities caps, ObjectMapper json,
            String... matchColumns) {
        meta.requireCapabilities(caps);
        caps.require(Capability.MERGE);
        if (matchColumns.length == 0) {
            throw new IllegalArgumentException("mergeAll needs the columns that match source rows to table rows");
        }
        List<FieldMeta> match = new ArrayList<>();
        for (String c : matchColumns) {
            match.add(meta.resolve(c));
        }
        if (models.isEmpty()) {
            return Work.done(0);
        }
        return InstanceStates.tracked(meta, models, () -> merging(meta, models, caps, json, match));
    }

    private static <T> Work<Integer> merging(ModelMeta<T> meta, List<T> models, Capabilities caps, ObjectMapper json,
            List<FieldMeta> match) {
        RecordPersistence.prepareAll(meta, models, false);
        return RecordPersistence.firstVersions(meta, models, true).then(ignored -> {
            // each instance inserts and updates what it sets, as upsertAll does: instances that set
            // different fields go in statements of their own, so a field one leaves null is neither
            // sent as NULL over its column's default nor written over a matched row's value
            List<Work<BulkWrites.Written>> statements = new ArrayList<>();
            for (List<T> group : BulkWrites.bySetFields(meta, models).values()) {
                statements.add(merge(meta, group, caps, json, match));
            }
            return BulkWrites.allOrNothing(meta, models, statements, meta.overrides(Hook.AFTER_SAVE));
        });
    }

    private static <T> Work<BulkWrites.Written> merge(ModelMeta<T> meta, List<T> models, Capabilities caps, ObjectMapper json,
            List<FieldMeta> match) {
        List<FieldMeta> columns = new ArrayList<>();
        for (FieldMeta f : meta.fields()) {
            if (!f.isGenerated() && (match.contains(f) || models.stream().anyMatch(m -> f.get(m) != null))) {
                columns.add(f);
            }
        }
        Name src = DSL.name("pgrecord_src");
        List<RowN> rows = new ArrayList<>();
        for (T m : models) {
            List<Field<?>> values = new ArrayList<>();
            for (FieldMeta f : columns) {
                Field<?> bind = BindValues.of(f.column(), f.get(m), f.dataType(), json);
                // the VALUES rows need typed columns; a binding that casts itself already gives one
                values.add(TypeMapper.rendersOwnCast(f.dataType()) ? bind : DSL.cast(bind, f.dataType()));
            }
            rows.add(DSL.row(values));
        }
        Table<?> source = DSL.values(rows.toArray(RowN[]::new))
                .as(src, columns.stream().map(f -> DSL.name(f.column())).toArray(Name[]::new));
        List<Condition> on = new ArrayList<>();
        for (FieldMeta f : match) {
            on.add(f.field().eq(DSL.field(src.append(f.column()), f.dataType())));
        }
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (FieldMeta f : columns) {
            if (!match.contains(f) && !f.isId() && !f.isCreatedAt()) {
                set.put(f.unqualified(), DSL.field(src.append(f.column()), f.dataType()));
            }
        }
        if (set.isEmpty()) {
            set.put(match.get(0).unqualified(), DSL.field(src.append(match.get(0).column()), match.get(0).dataType()));
        }
        List<Field<?>> insertColumns = columns.stream().<Field<?>>map(FieldMeta::unqualified).toList();
        List<Field<?>> insertValues = columns.stream().<Field<?>>map(f -> DSL.field(src.append(f.column()), f.dataType())).toList();
        var merge = DSL.mergeInto(meta.table()).using(source).on(DSL.and(on))
                .whenMatchedThenUpdate().set(set)
                .whenNotMatchedThenInsert(insertColumns).values(insertValues);
        if (!caps.supports(Capability.MERGE_RETURNING)) {
            // Every source row triggers exactly one unconditional action, so a count of 0 can only
            // mean the driver could not read the MERGE command tag (r2dbc-postgresql #706).
            int sourceRows = models.size();
            return new Work.Execute<>(merge, n -> Work.done(new BulkWrites.Written(n == 0 ? sourceRows : n, () -> { })));
        }
        // coerced, so each column is read with its field's binding (a plain-SQL query would read driver objects)
        var returning = DSL.resultQuery("{0} returning {1}", merge, DSL.list(meta.selectFields()))
                .coerce(meta.selectFields().stream().map(f -> (Field<?>) f).toList());
        return new Work.Fetch<>(returning, meta, result -> Work.done(new BulkWrites.Written(result.size(), () -> {
            Map<List<Object>, T> byKey = new HashMap<>();
            for (T m : models) {
                byKey.put(match.stream().map(f -> f.get(m)).toList(), m);
            }
            for (Record row : result) {
                T m = byKey.get(match.stream().map(f -> row.get(f.index())).toList());
                if (m != null) {
                    RecordPersistence.persisted(meta, m, row.intoArray());
                    RecordPersistence.fire(m, Hook.AFTER_SAVE);
                }
            }
        })));
    }
}
