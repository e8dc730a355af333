package io.pgrecord.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.ActiveRecord;
import io.pgrecord.Id;
import io.pgrecord.error.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/** A model is built and filled from a row by one composed handle of its own class; primitives keep their value on null. */
class RowFillerTest {

    public abstract static class Base<T extends Base<T>> extends ActiveRecord<T> {
        @Id public Long id;
    }

    public static class Mixed extends Base<Mixed> {
        public String name;
        public int qty = 7;
        public long total;
        public boolean active;
        private Double ratio;

        Double ratio() {
            return ratio;
        }
    }

    public static class Wide extends ActiveRecord<Wide> {
        @Id public Long id;
        public String c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20;
        public int i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i15, i16, i17, i18, i19, i20;
    }

    @Test
    void fillsInheritedPrivateAndPrimitiveFieldsInProjectionOrder() {
        ModelMeta<Mixed> meta = ModelMeta.of(Mixed.class);
        Object[] row = rowOf(meta, "id", 5L, "name", "Ann", "qty", 3, "total", 40L, "active", true, "ratio", 0.5);
        Mixed m = meta.newFilled(row);
        assertThat(m.id).isEqualTo(5L);
        assertThat(m.name).isEqualTo("Ann");
        assertThat(m.qty).isEqualTo(3);
        assertThat(m.total).isEqualTo(40L);
        assertThat(m.active).isTrue();
        assertThat(m.ratio()).isEqualTo(0.5);
    }

    @Test
    void aNullLeavesAPrimitiveFieldAsItIsAndClearsAReferenceField() {
        ModelMeta<Mixed> meta = ModelMeta.of(Mixed.class);
        Mixed fresh = meta.newFilled(rowOf(meta, "id", 1L, "name", null, "qty", null, "total", null, "active", null, "ratio", null));
        assertThat(fresh.qty).isEqualTo(7);
        assertThat(fresh.total).isZero();

        Mixed existing = meta.newFilled(rowOf(meta, "id", 1L, "name", "x", "qty", 9, "total", 2L, "active", true, "ratio", 1.0));
        meta.fill(existing, rowOf(meta, "id", 2L, "name", null, "qty", null, "total", 3L, "active", null, "ratio", null));
        assertThat(existing.id).isEqualTo(2L);
        assertThat(existing.name).isNull();
        assertThat(existing.qty).isEqualTo(9);
        assertThat(existing.total).isEqualTo(3L);
        assertThat(existing.active).isTrue();
        assertThat(existing.ratio()).isNull();
    }

    @Test
    void aValueOfTheWrongTypeFailsWithoutTouchingLaterFields() {
        ModelMeta<Mixed> meta = ModelMeta.of(Mixed.class);
        Mixed m = meta.newFilled(rowOf(meta, "id", 1L, "name", "kept", "qty", 1, "total", 1L, "active", false, "ratio", null));
        assertThatThrownBy(() -> meta.fill(m, rowOf(meta, "id", 1L, "name", "new", "qty", "three", "total", 5L, "active", false, "ratio", null)))
                .isInstanceOf(MappingException.class).hasCauseInstanceOf(ClassCastException.class)
                .hasMessageContaining("column mixed.qty (read as java.lang.String) into field Mixed.qty (int)");
        assertThat(m.qty).isEqualTo(1);
        assertThat(m.total).isEqualTo(1L);
    }

    @Test
    void aNewInstanceFromAWrongTypedRowNamesTheField() {
        ModelMeta<Mixed> meta = ModelMeta.of(Mixed.class);
        assertThatThrownBy(() -> meta.newFilled(rowOf(meta, "id", 1L, "name", 42, "qty", 1)))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("column mixed.name (read as java.lang.Integer) into field Mixed.name (java.lang.String)");
    }

    @Test
    void aWideModelIsFilledWhole() {
        ModelMeta<Wide> meta = ModelMeta.of(Wide.class);
        Object[] row = new Object[meta.fields().size()];
        for (FieldMeta f : meta.fields()) {
            row[f.index()] = f.type() == int.class ? (Object) (f.index() * 10) : f.type() == Long.class ? 99L : f.javaName();
        }
        Wide w = meta.newFilled(row);
        assertThat(w.id).isEqualTo(99L);
        assertThat(w.c1).isEqualTo("c1");
        assertThat(w.c20).isEqualTo("c20");
        assertThat(w.i20).isEqualTo(meta.resolve("i20").index() * 10);
        assertThat(meta.fields()).hasSize(41);
    }

    @Test
    void eachModelMapsRowsThroughAHiddenClassOfItsOwn() {
        Class<?> mixed = ModelMeta.of(Mixed.class).mapping().getClass();
        Class<?> wide = ModelMeta.of(Wide.class).mapping().getClass();
        assertThat(mixed.isHidden()).as("handles held as static finals of a class of the model's own").isTrue();
        assertThat(wide.isHidden()).isTrue();
        assertThat(mixed).isNotEqualTo(wide);
        assertThat(mixed.getPackage()).isEqualTo(RowFiller.class.getPackage());
    }

    @Test
    void withoutATemplateTheSameHandlesMapRowsAsTheyAre() throws Throwable {
        ModelMeta<Mixed> meta = ModelMeta.of(Mixed.class);
        MethodHandle fill = RowFiller.fill(meta.fields().toArray(FieldMeta[]::new));
        MethodHandle constructor = MethodHandles.privateLookupIn(Mixed.class, MethodHandles.lookup())
                .findConstructor(Mixed.class, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class));
        RowFiller.Mapping plain = RowFiller.compile(RowFiller.create(constructor, fill), fill, null);
        assertThat(plain.getClass().isHidden()).isFalse();

        Mixed m = (Mixed) plain.create(rowOf(meta, "id", 3L, "name", "Bo", "qty", null, "total", 8L, "active", true, "ratio", 2.0));
        assertThat(m.id).isEqualTo(3L);
        assertThat(m.name).isEqualTo("Bo");
        assertThat(m.qty).as("a null leaves a primitive as it is").isEqualTo(7);
        assertThat(m.total).isEqualTo(8L);
        assertThat(m.ratio()).isEqualTo(2.0);
        plain.fill(m, rowOf(meta, "id", 4L, "name", null, "qty", 1, "total", null, "active", false, "ratio", null));
        assertThat(m.id).isEqualTo(4L);
        assertThat(m.name).isNull();
        assertThat(m.qty).isEqualTo(1);
        assertThat(m.total).isEqualTo(8L);
        assertThat(m.active).isFalse();
    }

    /** A row in the model's projection order, from column/value pairs. */
    private static Object[] rowOf(ModelMeta<?> meta, Object... pairs) {
        Object[] row = new Object[meta.fields().size()];
        for (int i = 0; i < pairs.length; i += 2) {
            row[meta.resolve((String) pairs[i]).index()] = pairs[i + 1];
        }
        return row;
    }
}
