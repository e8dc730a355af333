package io.pgrecord.internal.query;

import io.pgrecord.internal.model.FieldMeta;
import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.internal.query.QuerySpec.NamedOrder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ORDER BY on model columns by name, {@code "-"} first for descending. The one-column orders of
 * each model are kept by the name given, so that the usual {@code orderBy("id")} finds its
 * immutable list instead of making one per query. Only names that resolve are kept (at most two
 * per name the model knows), so the map stays as small as the model.
 */
public final class NamedOrders {

    private static final ClassValue<ConcurrentHashMap<String, List<NamedOrder>>> ONE_COLUMN = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, List<NamedOrder>> computeValue(Class<?> model) {
            return new ConcurrentHashMap<>();
        }
    };

    private NamedOrders() {
    }

    /** The order by one column; a null or unknown name throws {@link IllegalArgumentException}. */
    public static List<NamedOrder> of(ModelMeta<?> meta, String column) {
        requireName(column);
        ConcurrentHashMap<String, List<NamedOrder>> known = ONE_COLUMN.get(meta.type());
        List<NamedOrder> order = known.get(column);
        if (order == null) {
            order = List.of(resolve(meta, column));
            known.putIfAbsent(column, order);
        }
        return order;
    }

    /** One column of an order; a null or unknown name throws {@link IllegalArgumentException}. */
    public static NamedOrder resolve(ModelMeta<?> meta, String column) {
        requireName(column);
        boolean desc = column.startsWith("-");
        FieldMeta f = meta.resolve(desc ? column.substring(1) : column);
        return new NamedOrder(f, desc);
    }

    private static void requireName(String column) {
        if (column == null) {
            throw new IllegalArgumentException("orderBy got a null column name: pass a column or field name, \"-name\" for descending");
        }
    }
}
