package io.pgrecord.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.error.MappingException;
import io.pgrecord.types.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which array shapes map; TypeMatrixTest round-trips the ones that do. */
class ArrayTypesTest {

    @SuppressWarnings("unused")
    private List<List<Point>> pointGrid;

    @Test
    void valueTypeArraysHaveOneDimension() throws NoSuchFieldException {
        assertThat(TypeMapper.forValue(new Point[] {Point.of(1, 2)}).getType()).isEqualTo(Point[].class);
        assertThatThrownBy(() -> TypeMapper.forValue(new Point[][] {{Point.of(1, 2)}})).isInstanceOf(MappingException.class)
                .hasMessageContaining("arrays of io.pgrecord.types.Point have one dimension");
        assertThatThrownBy(() -> TypeMapper.forField(ArrayTypesTest.class.getDeclaredField("pointGrid")))
                .isInstanceOf(MappingException.class).hasMessageContaining("List<java.util.List<io.pgrecord.types.Point>>");
    }

    @Test
    void arraysOfArraysAndListsMap() {
        assertThat(TypeMapper.forValue(new Integer[][] {{1}}).getType()).isEqualTo(Integer[][].class);
        assertThat(TypeMapper.forValue(new String[][] {{"a"}}).getType()).isEqualTo(String[][].class);
        assertThat(TypeMapper.forValue(List.of(1, 2)).getType()).isEqualTo(List.class);
    }
}
