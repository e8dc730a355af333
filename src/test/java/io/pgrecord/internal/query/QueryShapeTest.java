package io.pgrecord.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.internal.query.QuerySpec.DeletedScope;
import java.util.List;
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** The statement key of a query and its slot binds; StatementShapeTest runs the statements. */
class QueryShapeTest {

    private static QueryShape twoParts(int first, long second) {
        return QueryShape.EMPTY.plus("a", List.of(DSL.val(first))).plus("b", List.of(DSL.val(second)));
    }

    @Test
    void sameShapeWithOtherValuesHasTheSameKeyAndItsOwnValuesInOrder() {
        QueryShape one = twoParts(1, 2L);
        QueryShape other = twoParts(7, 8L);
        assertThat(one.key(10, false, DeletedScope.DEFAULT)).isEqualTo(other.key(10, false, DeletedScope.DEFAULT))
                .hasSameHashCodeAs(other.key(10, false, DeletedScope.DEFAULT));
        Param<Long> offset = DSL.val(0L);
        assertThat(other.slotValues(offset, 5)).containsExactly(7, 8L, 5L);
        assertThat(other.slotParams(offset)).hasSize(3).last().isSameAs(offset);
    }

    @Test
    void partsOrderLimitOffsetAndScopeTellShapesApart() {
        Object key = twoParts(1, 2L).key(10, false, DeletedScope.DEFAULT);
        QueryShape swapped = QueryShape.EMPTY.plus("b", List.of(DSL.val(2L))).plus("a", List.of(DSL.val(1)));
        assertThat(swapped.key(10, false, DeletedScope.DEFAULT)).isNotEqualTo(key);
        assertThat(twoParts(1, 2L).key(11, false, DeletedScope.DEFAULT)).isNotEqualTo(key);
        assertThat(twoParts(1, 2L).key(10, true, DeletedScope.DEFAULT)).isNotEqualTo(key);
        assertThat(twoParts(1, 2L).key(10, false, DeletedScope.WITH_DELETED)).isNotEqualTo(key);
        assertThat(twoParts(1, 2L).plus("c").key(10, false, DeletedScope.DEFAULT)).isNotEqualTo(key);
    }

    @Test
    void aBindOnlyJooqCanBindLeavesTheQueryUnkeyedWithTheSlotsItHad() {
        // a user's converter: ColumnKind cannot bind its values without jOOQ
        Param<Integer> converted = DSL.val(5, SQLDataType.VARCHAR.asConvertedDataType(Integer.class, Integer::valueOf, String::valueOf));
        QueryShape unkeyed = twoParts(1, 2L).plus("c", List.of(converted));
        assertThat(unkeyed.key(null, false, DeletedScope.DEFAULT)).isNull();
        assertThat(unkeyed.plus("c").key(null, false, DeletedScope.DEFAULT)).isNull();
        assertThat(unkeyed.slotValues(null, null)).containsExactly(1, 2L);
        assertThat(twoParts(1, 2L).unkeyed().key(null, false, DeletedScope.DEFAULT)).isNull();
    }
}
