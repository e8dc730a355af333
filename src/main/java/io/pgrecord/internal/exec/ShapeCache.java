package io.pgrecord.internal.exec;

import io.pgrecord.internal.types.DirectType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;

/**
 * The {@link Shape}s of one model, keyed by operation and whatever changes its SQL (the columns
 * written, which values are null, the query's parts). Bounded: past {@value #MAX} shapes a
 * statement is rendered per call, as a jOOQ query would be, rather than growing without end.
 */
public final class ShapeCache {

    private static final int MAX = 512;
    /** Stands for "this shape needs jOOQ at run time". */
    private static final Shape JOOQ_ONLY = new Shape(null, null, null, null, null, 0);

    private final ConcurrentHashMap<Object, Shape> shapes = new ConcurrentHashMap<>();
    private final RowTarget target;

    /** @param target the model whose rows every statement here returns, in its projection */
    public ShapeCache(RowTarget target) {
        this.target = target;
    }

    /** How many shapes are cached (those needing jOOQ included). */
    public int size() {
        return shapes.size();
    }

    /** How many cached shapes run without jOOQ. */
    public long directCount() {
        return shapes.values().stream().filter(s -> s != JOOQ_ONLY).count();
    }

    /**
     * A query to render, with the binds whose values change from call to call, and the most rows
     * it returns when the caller knows (0 otherwise): see {@link Shape#maxRows()}.
     */
    public record Source<Q extends Query>(Q query, List<? extends Param<?>> slots, int maxRows) {

        /** A query whose row count is not known in advance. */
        public Source(Q query, List<? extends Param<?>> slots) {
            this(query, slots, 0);
        }
    }

    /**
     * Rows of a statement shaped by {@code key}: from the cached shape with these slot values
     * when there is one, else from {@code source}, whose shape is cached for next time.
     * {@code slotValues} is this call's own: the statement may keep it as its bind list.
     *
     * @param columns how to read each result column; null makes jOOQ run and read the statement
     */
    public <T> Work<T> rows(Object key, Object[] slotValues, DirectType[] columns,
            Supplier<? extends Source<? extends ResultQuery<? extends Record>>> source,
            Function<List<Object[]>, Work<T>> next) {
        Shape shape = columns == null ? JOOQ_ONLY : shapes.get(key);
        if (shape != null && shape != JOOQ_ONLY) {
            return new Work.Rows<>(null, shape.bind(slotValues), columns, target, next);
        }
        Source<? extends ResultQuery<? extends Record>> s = source.get();
        if (shape == null) {
            shape = Shape.of(s.query(), s.slots(), s.maxRows());
            if (shapes.size() < MAX) {
                shapes.putIfAbsent(key, shape == null ? JOOQ_ONLY : shape);
            }
        }
        if (shape == null || shape == JOOQ_ONLY) {
            return new Work.Rows<>(s.query(), null, null, target, next);
        }
        return new Work.Rows<>(s.query(), shape.bind(slotValues), columns, target, next);
    }
}
