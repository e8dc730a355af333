package io.pgrecord.internal.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgrecord.internal.exec.ShapeCache;
import io.pgrecord.internal.exec.Work;
import io.pgrecord.internal.types.BindValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The INSERT of one model's non-null fields, RETURNING the stored row into the instance; no
 * hooks. It is on the path of every insert, so it makes as few objects as it can: one array of
 * the values, and this one object, which is both the statement's source (used only when the
 * model's statement cache has no shape for these columns yet) and the continuation that takes
 * the returned row.
 */
final class SingleInsert<T> implements Supplier<ShapeCache.Source<ResultQuery<Record>>>, Function<List<Object[]>, Work<Integer>> {

    /** The result of every insert: one row written. */
    private static final Work<Integer> ONE = Work.done(1);

    private final ModelMeta<T> meta;
    private final T model;
    /** The values written, in field order. */
    private final Object[] slots;

    private SingleInsert(ModelMeta<T> meta, T model, Object[] slots) {
        this.meta = meta;
        this.model = model;
        this.slots = slots;
    }

    static <T> Work<Integer> plan(ModelMeta<T> meta, T model, ObjectMapper json) {
        List<FieldMeta> fields = meta.fields();
        // which fields are written first, so that their values fill one array of the right size
        // (indexed loops: an iterator is an object per loop wherever the JIT does not remove it)
        long columns = 0;
        int n = 0;
        for (int i = 0; i < fields.size(); i++) {
            FieldMeta f = fields.get(i);
            if (written(f, model)) {
                columns |= RecordPersistence.bit(f);
                n++;
            }
        }
        Object[] slots = new Object[n];
        int at = 0;
        for (int i = 0; i < fields.size(); i++) {
            FieldMeta f = fields.get(i);
            if (written(f, model)) {
                slots[at++] = BindValues.check(f.column(), f.dataType(), f.get(model), json);
            }
        }
        SingleInsert<T> insert = new SingleInsert<>(meta, model, slots);
        // the key is the set of columns written, boxed: no other key of the cache is a Long, and
        // the small ones (columns among the first seven) are boxed without allocating
        return meta.shapes().rows(Long.valueOf(columns), slots, RecordPersistence.cacheable(meta), insert, insert);
    }

    /** Whether an INSERT writes the field: not generated, and not null (a primitive never is). */
    private static boolean written(FieldMeta f, Object model) {
        return !f.isGenerated() && (f.type().isPrimitive() || f.get(model) != null);
    }

    /** The statement, when the cache has no shape for these columns. */
    @Override
    public ShapeCache.Source<ResultQuery<Record>> get() {
        List<Field<?>> names = new ArrayList<>();
        List<Param<?>> params = new ArrayList<>();
        for (FieldMeta f : meta.fields()) {
            if (params.size() < slots.length && written(f, model)) {
                names.add(f.unqualified());
                params.add(DSL.val(slots[params.size()], f.dataType()));
            }
        }
        ResultQuery<Record> insert = names.isEmpty()
                ? DSL.insertInto(meta.table()).defaultValues().returning(meta.selectFields())
                : DSL.insertInto(meta.table(), names).values(params).returning(meta.selectFields());
        // one row inserted, one returned
        return new ShapeCache.Source<>(insert, params, 1);
    }

    /** Takes the stored row, defaults and generated values included, into the instance. */
    @Override
    public Work<Integer> apply(List<Object[]> rows) {
        RecordPersistence.persisted(meta, model, rows.get(0));
        return ONE;
    }
}
