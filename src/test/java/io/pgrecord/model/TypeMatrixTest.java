package io.pgrecord.model;

import static io.pgrecord.model.TypeSamples.same;
import static io.pgrecord.model.TypeSamples.show;
import static io.pgrecord.testing.ModelOps.get;
import static io.pgrecord.testing.ModelOps.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.pgrecord.Model;
import io.pgrecord.error.DataException;
import io.pgrecord.error.UnsupportedCapabilityException;
import io.pgrecord.internal.model.Names;
import io.pgrecord.model.TypeSamples.Case;
import io.pgrecord.model.TypeSamples.Sample;
import io.pgrecord.models.SpecimenSchema;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type of API.md §6 through model fields, on both backends and (tagged matrix) on
 * PostgreSQL 12, 14 and 16: each value and boundary is inserted, comes back from RETURNING and
 * from a fresh read equal to what was written, leaves the model clean, and is then set to NULL
 * and read back as null. Multiranges need 14; numeric infinities need 14 and are refused before.
 */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class TypeMatrixTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        SpecimenSchema.create(db, major(db) >= 14);
    }

    private static int major(TestDatabase db) {
        return Integer.parseInt(db.queryValue("SHOW server_version_num").toString()) / 10000;
    }

    static Stream<Arguments> cases() {
        List<Case> all = new java.util.ArrayList<>(TypeSamples.specimen());
        all.addAll(TypeSamples.multiranges());
        return Stream.of(Exec.values()).flatMap(exec -> all.stream().map(c -> Arguments.of(exec, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    @SuppressWarnings("cast") // the (Object) cast makes assertThat take the generic field read as an Object
    void roundTrips(Exec exec, Case c, TestDatabase db) {
        int major = major(db);
        ModelOps ops = ModelOps.on(exec, db);
        if (c.model().equals("MultiSpecimen") && major < 14) {
            ops.log().start();
            assertThatThrownBy(() -> ops.insert(c.model(), c.field(), c.samples().get(0).value()))
                    .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("MULTIRANGE requires PostgreSQL 14+");
            assertThat(ops.log().stop()).as("no SQL before the gate").isEmpty();
        }
        assumeThat(c.model().equals("Specimen") || major >= 14).as("multiranges need PostgreSQL 14").isTrue();
        for (Sample s : c.samples()) {
            if (major < s.minMajor()) {
                assertRefusedBeforeVersion(ops, db, c, s);
                continue;
            }
            Model m = ops.insert(c.model(), c.field(), s.value());
            assertSame(c, s, get(m, c.field()), "RETURNING");
            Model back = ops.getById(c.model(), get(m, "id"));
            assertSame(c, s, get(back, c.field()), "a fresh read");
            assertThat(back.isDirty()).as(c.field() + " " + s + ": clean after load").isFalse();
            assertThat(ops.save(back)).as(c.field() + " " + s + ": nothing to save").isZero();

            set(back, c.field(), null);
            assertThat(ops.save(back)).isEqualTo(1);
            Model nulled = ops.getById(c.model(), get(m, "id"));
            assertThat((Object) get(nulled, c.field())).as(c.field() + " set to NULL").isNull();
            assertThat(db.queryValue("SELECT " + Names.snakeCase(c.field()) + " IS NULL FROM " + table(c)
                    + " WHERE id = " + get(m, "id"))).isEqualTo(true);
        }
    }

    private static void assertSame(Case c, Sample s, Object actual, String where) {
        assertThat(same(s.expected(), actual))
                .as("%s %s from %s: expected %s, got %s", c.field(), s, where, show(s.expected()), show(actual))
                .isTrue();
    }

    /** A value the server of this version cannot store is refused by the server, and nothing is written. */
    private static void assertRefusedBeforeVersion(ModelOps ops, TestDatabase db, Case c, Sample s) {
        long before = (Long) db.queryValue("SELECT count(*) FROM " + table(c));
        assertThatThrownBy(() -> ops.insert(c.model(), c.field(), s.value())).isInstanceOf(DataException.class);
        assertThat(db.queryValue("SELECT count(*) FROM " + table(c))).isEqualTo(before);
    }

    private static String table(Case c) {
        return c.model().equals("Specimen") ? "specimens" : "multi_specimens";
    }
}
