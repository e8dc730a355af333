package io.pgrecord.model;

import static io.pgrecord.model.TypeSamples.same;
import static io.pgrecord.model.TypeSamples.show;
import static io.pgrecord.testing.ModelOps.get;
import static io.pgrecord.testing.ModelOps.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.Model;
import io.pgrecord.error.DataException;
import io.pgrecord.model.TypeSamples.Case;
import io.pgrecord.model.TypeSamples.Sample;
import io.pgrecord.models.SpecimenSchema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code copyIn} writes every type as the binds do: two rows, one with each field's first
 * sample and one with its last, read back equal on both backends. Money is the exception: its
 * COPY input depends on {@code lc_monetary}, so copyIn refuses it before sending anything.
 */
@ExtendWith(PgExtension.class)
class CopyInTypesTest {

    private static final List<String> SKIPPED = List.of("vc", "cash");

    @BeforeAll
    static void schema(TestDatabase db) {
        SpecimenSchema.create(db, false);
    }

    private static int major(TestDatabase db) {
        return Integer.parseInt(db.queryValue("SHOW server_version_num").toString()) / 10000;
    }

    @BothBackends
    void everyTypeCopiesInAsItBinds(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        List<Case> cases = TypeSamples.specimen().stream().filter(c -> !SKIPPED.contains(c.field())).toList();
        List<Model> rows = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            Model row = ops.create("Specimen", "vc", "copy " + exec + " " + k);
            for (Case c : cases) {
                set(row, c.field(), sample(c, k, major(db)).value());
            }
            rows.add(row);
        }
        assertThat(ops.copyIn("Specimen", rows)).isEqualTo(2);
        for (int k = 0; k < 2; k++) {
            Object back = ops.one(ops.query("Specimen").where("vc = ?", "copy " + exec + " " + k));
            for (Case c : cases) {
                Sample s = sample(c, k, major(db));
                Object read = get(back, c.field());
                assertThat(same(s.expected(), read)).as("%s row %d: wrote %s, read %s", c.field(), k, show(s.value()), show(read))
                        .isTrue();
            }
        }
    }

    private static Sample sample(Case c, int k, int major) {
        List<Sample> usable = c.samples().stream().filter(s -> s.minMajor() <= major).toList();
        return k == 0 ? usable.get(0) : usable.get(usable.size() - 1);
    }

    /**
     * Binary numeric carries the weight and scale in 16 bits: a number past numeric's 131072
     * digits before the point or 16383 after would wrap (1E+131072 was stored as 0). copyIn
     * refuses it as a bind does, before the COPY; the largest numbers that fit copy exactly.
     */
    @BothBackends
    void numbersPastNumericAreRefusedAsBindsRefuseThem(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        String tag = "huge " + exec;
        for (String huge : List.of("1E+131072", "-1E+131072", "1E+140000", "1E-16384", "-12345.6E-16383")) {
            List<Model> rows = List.of(ops.create("Specimen", "vc", tag, "num", BigDecimal.ONE),
                    ops.create("Specimen", "vc", tag, "num", new BigDecimal(huge)));
            ops.log().start();
            assertThatThrownBy(() -> ops.copyIn("Specimen", rows)).as(huge).isInstanceOf(DataException.class)
                    .hasMessageContaining("for column num overflows numeric format")
                    .satisfies(e -> assertThat(((DataException) e).sqlState()).isEqualTo("22003"));
            assertThat(ops.log().stop()).as(huge).noneMatch(sql -> sql.startsWith("COPY"));
            assertThatThrownBy(() -> ops.insert("Specimen", "vc", tag, "num", new BigDecimal(huge))).as(huge)
                    .isInstanceOf(DataException.class).hasMessageContaining("overflows numeric format");
        }
        assertThat(db.queryValue("SELECT count(*) FROM specimens WHERE vc = '" + tag + "'")).isEqualTo(0L);

        String edge = "edge " + exec;
        List<String> largest = List.of("9.999E+131071", "-1E+131071", "1E-16383", "-0." + "9".repeat(16383));
        ops.log().start();
        assertThat(ops.copyIn("Specimen", largest.stream().map(n -> ops.<Model>create("Specimen", "vc", edge, "num", new BigDecimal(n)))
                .toList())).isEqualTo(largest.size());
        assertThat(ops.log().stop()).anyMatch(sql -> sql.startsWith("COPY") && sql.contains("binary"));
        List<BigDecimal> read = ops.all(ops.query("Specimen").where("vc = ?", edge)).stream().map(m -> ModelOps.<BigDecimal>get(m, "num"))
                .toList();
        assertThat(read).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrderElementsOf(largest.stream().map(BigDecimal::new).toList());
    }

    @BothBackends
    void moneyIsRefusedBeforeAnySql(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        ops.log().start();
        assertThatThrownBy(() -> ops.copyIn("Specimen", List.of(ops.create("Specimen", "cash", new BigDecimal("12.34")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("money column cash")
                .hasMessageContaining("lc_monetary");
        assertThat(ops.log().stop()).isEmpty();
    }
}
