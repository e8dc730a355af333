package io.pgrecord.bench;

import io.pgrecord.bench.model.AsyncItem;
import io.pgrecord.bench.model.AsyncNewItem;
import io.pgrecord.bench.model.Item;
import io.pgrecord.bench.model.NewItem;
import java.util.List;
import java.util.Objects;

/** The POJO the raw variants map into, and the common form every variant's result is checked in. */
public final class Row {
    public Long id;
    public String name;
    public Integer qty;
    public Boolean active;

    public Row() {
    }

    public Row(Long id, String name, Integer qty, Boolean active) {
        this.id = id;
        this.name = name;
        this.qty = qty;
        this.active = active;
    }

    public static Row of(Item m) {
        return new Row(m.id, m.name, m.qty, m.active);
    }

    public static Row of(AsyncItem m) {
        return new Row(m.id, m.name, m.qty, m.active);
    }

    public static Row of(NewItem m) {
        return new Row(m.id, m.name, m.qty, m.active);
    }

    public static Row of(AsyncNewItem m) {
        return new Row(m.id, m.name, m.qty, m.active);
    }

    /** Fails loudly when two variants disagree. */
    public static void same(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalStateException("variants disagree on " + what + ":\n  expected " + expected
                    + "\n  actual   " + actual);
        }
    }

    public static void same(String what, List<?> expected, List<?> actual) {
        if (expected.isEmpty()) {
            throw new IllegalStateException(what + ": the reference variant returned nothing");
        }
        same(what, (Object) expected, (Object) actual);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && Objects.equals(id, r.id) && Objects.equals(name, r.name)
                && Objects.equals(qty, r.qty) && Objects.equals(active, r.active);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, qty, active);
    }

    @Override
    public String toString() {
        return "Row[" + id + ", " + name + ", " + qty + ", " + active + "]";
    }
}
