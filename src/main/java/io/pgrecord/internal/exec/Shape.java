package io.pgrecord.internal.exec;

import io.pgrecord.internal.types.DirectType;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * A statement rendered once, in both drivers' placeholder styles, for reuse with other values:
 * the statement cache behind the model hot paths. Each bind position either takes the value of
 * a <em>slot</em> (a {@link Param} the caller passed when building, found again by identity) or
 * keeps the constant it was rendered with.
 *
 * @param jdbcSql the SQL with {@code ?} placeholders
 * @param r2dbcSql the SQL with {@code $n} placeholders
 * @param slots per bind position, the slot whose value it takes, or -1 for a constant
 * @param constants per bind position, the value of a constant position
 * @param kinds per bind position, its type
 * @param maxRows the most rows the statement returns when its caller knows (a LIMIT, a
 *     one-row RETURNING), to size the list they are read into; 0 when unknown
 */
public record Shape(String jdbcSql, String r2dbcSql, int[] slots, Object[] constants, DirectType[] kinds, int maxRows) {

    private static final DSLContext RENDER = DSL.using(JooqDefaults.DIALECT, JooqDefaults.settings());
    private static final DSLContext RENDER_NUMBERED = DSL.using(JooqDefaults.DIALECT, JooqDefaults.numberedSettings());

    /**
     * Renders {@code query}; null when a bind has no {@link DirectType} (jOOQ must bind it)
     * or the SQL holds something only jOOQ's own execution handles.
     *
     * @param slotParams the binds whose values change from call to call, in slot order
     */
    public static Shape of(Query query, List<? extends Param<?>> slotParams) {
        return of(query, slotParams, 0);
    }

    /** As {@link #of(Query, List)}, for a statement returning at most {@code maxRows} rows (0: unknown). */
    public static Shape of(Query query, List<? extends Param<?>> slotParams, int maxRows) {
        Shape binds = binds(query, slotParams);
        if (binds == null) {
            return null;
        }
        String jdbc = RENDER.render(query);
        // "??" is pgjdbc's escape for a literal '?', which the numbered form would have to undo
        return jdbc.contains("??") ? null
                : new Shape(jdbc, RENDER_NUMBERED.renderNamedParams(query), binds.slots, binds.constants, binds.kinds,
                        maxRows);
    }

    /** {@code query} rendered for this call and one driver only, or null when jOOQ must run it. */
    public static Bound once(Query query, boolean r2dbc) {
        Shape binds = binds(query, List.of());
        if (binds == null) {
            return null;
        }
        String sql = r2dbc ? RENDER_NUMBERED.renderNamedParams(query) : RENDER.render(query);
        if (sql.contains("??")) {
            return null;
        }
        return new Shape(r2dbc ? null : sql, r2dbc ? sql : null, binds.slots, binds.constants, binds.kinds, 0).bind();
    }

    /** The bind positions of {@code query} without SQL, or null when a bind needs jOOQ. */
    private static Shape binds(Query query, List<? extends Param<?>> slotParams) {
        // inline values (a LIMIT, say) are written into the SQL and are no bind positions
        List<Param<?>> params = RENDER.extractParams(query).values().stream().filter(p -> !p.isInline()).toList();
        int n = params.size();
        int[] slots = new int[n];
        Object[] constants = new Object[n];
        DirectType[] kinds = new DirectType[n];
        int i = 0;
        for (Param<?> p : params) {
            DirectType kind = DirectType.of(p.getDataType());
            if (kind == null || p.getParamName() != null) {
                return null;
            }
            kinds[i] = kind;
            slots[i] = indexOf(slotParams, p);
            constants[i] = slots[i] < 0 ? p.getValue() : null;
            i++;
        }
        return new Shape(null, null, slots, constants, kinds, 0);
    }

    private static int indexOf(List<? extends Param<?>> slotParams, Param<?> p) {
        for (int s = 0; s < slotParams.size(); s++) {
            if (slotParams.get(s) == p) {
                return s;
            }
        }
        return -1;
    }

    /**
     * This statement with the given slot values, in slot order. When each bind position takes the
     * slot of its own index (an INSERT's values, a key lookup, most queries), the caller's array
     * is the bind list itself, so it must be the call's own and not changed after.
     */
    public Bound bind(Object... slotValues) {
        if (slotsInOrder(slotValues.length)) {
            return new Bound(this, slotValues);
        }
        Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            values[i] = slots[i] < 0 ? constants[i] : slotValues[slots[i]];
        }
        return new Bound(this, values);
    }

    private boolean slotsInOrder(int slotCount) {
        if (slots.length != slotCount) {
            return false;
        }
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Whether the statement is a plain SELECT, which changes nothing. */
    public boolean isSelect() {
        String sql = jdbcSql != null ? jdbcSql : r2dbcSql;
        return sql.stripLeading().regionMatches(true, 0, "select", 0, 6);
    }

    /** A shape with its bind values, ready to run. */
    public record Bound(Shape shape, Object[] values) {
    }
}
