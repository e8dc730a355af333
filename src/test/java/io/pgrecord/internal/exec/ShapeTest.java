package io.pgrecord.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.internal.types.ColumnKind;
import io.pgrecord.internal.types.DirectType;
import io.pgrecord.types.MacAddress;
import io.pgrecord.types.PgTypes;
import java.util.List;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** Rendering a statement once: bind positions, slots and the refusal of what only jOOQ can bind. */
class ShapeTest {

    private static final Field<Long> ID = DSL.field(DSL.name("t", "id"), SQLDataType.BIGINT);
    private static final Field<String> NAME = DSL.field(DSL.name("t", "name"), SQLDataType.VARCHAR);

    @Test
    void slotsAreFoundByIdentityAndOtherBindsStayConstant() {
        Param<Long> id = DSL.val(1L);
        Param<String> name = DSL.val("a");
        var query = DSL.select(ID).from(DSL.table(DSL.name("t"))).where(NAME.eq(name)).and(ID.gt(id)).limit(DSL.val(5L));

        Shape shape = Shape.of(query, List.of(id, name));

        assertThat(shape.jdbcSql()).contains("\"t\".\"name\" = ?").contains("\"t\".\"id\" > ?");
        assertThat(shape.r2dbcSql()).contains("= $1").contains("> $2").contains("$3");
        assertThat(shape.kinds()).extracting(DirectType::kind).containsExactly(ColumnKind.TEXT, ColumnKind.LONG, ColumnKind.LONG);
        assertThat(shape.bind(7L, "b").values()).containsExactly("b", 7L, 5L);
        assertThat(shape.bind(8L, "c").values()).containsExactly("c", 8L, 5L);
    }

    @Test
    void inlineValuesAreNoBindPositions() {
        Param<Long> id = DSL.val(1L);
        var query = DSL.select(ID).from(DSL.table(DSL.name("t"))).where(ID.gt(id)).limit(DSL.inline(20L));

        Shape shape = Shape.of(query, List.of(id));

        assertThat(shape).isNotNull();
        assertThat(shape.jdbcSql()).contains("20 rows only");
        assertThat(shape.bind(9L).values()).containsExactly(9L);
    }

    @Test
    void bindsOnlyJooqCanWriteAreRefused() {
        Param<MacAddress> mac = DSL.val(MacAddress.parse("08:00:2b:01:02:03"), PgTypes.MACADDR);
        var query = DSL.selectOne().where(DSL.field(DSL.name("mac"), PgTypes.MACADDR).eq(mac));

        assertThat(Shape.of(query, List.of(mac))).isNull();
        assertThat(Shape.once(query, false)).isNull();
    }
}
