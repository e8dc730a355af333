package io.pgrecord.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.internal.model.ModelMeta;
import io.pgrecord.models.Specimen;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The DDL type of fields the model layer binds as text with a cast: the column's type, not the carrier's. */
class ColumnTypesTest {

    private static String ddl(String field) {
        ModelMeta<Specimen> meta = ModelMeta.of(Specimen.class);
        return DSL.using(SQLDialect.POSTGRES).render(ColumnTypes.of(Specimen.class, meta.resolve(field)));
    }

    @Test
    void textCarriedTypesGetTheirOwnColumnType() {
        assertThat(ddl("bytes")).isEqualTo("bytea");
        assertThat(ddl("span")).isEqualTo("interval");
        assertThat(ddl("ip")).isEqualTo("inet");
        assertThat(ddl("clockTz")).isEqualTo("time with time zone");
        assertThat(ddl("spans")).isEqualTo("interval[]");
        assertThat(ddl("ips")).isEqualTo("inet[]");
    }

    @Test
    void arraysOfPrimitivesGetTheArrayTypeOfTheirElements() {
        assertThat(ddl("primInts")).isEqualTo(ddl("ints"));
        assertThat(ddl("primLongs")).isEqualTo(ddl("longs"));
        assertThat(ddl("primBools")).isEqualTo(ddl("flags"));
        assertThat(ddl("primDoubles")).isEqualTo(ddl("doubles"));
        assertThat(ddl("primGrid")).isEqualTo(ddl("grid"));
    }
}
