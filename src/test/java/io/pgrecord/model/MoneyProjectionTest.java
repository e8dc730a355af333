package io.pgrecord.model;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgrecord.AsyncPostgresBackend;
import io.pgrecord.Model;
import io.pgrecord.PostgresBackend;
import io.pgrecord.models.AsyncSpecimen;
import io.pgrecord.models.Specimen;
import io.pgrecord.models.SpecimenSchema;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/** A money column, read as numeric, keeps its name in the model's projection: in records, CTEs and derived tables. */
@ExtendWith(PgExtension.class)
class MoneyProjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void schema(TestDatabase db) {
        SpecimenSchema.create(db, false);
    }

    @BothBackends
    void asSelectOfAModelWithMoneyKeepsTheColumnName(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model m = ops.insert("Specimen", "cash", new BigDecimal("12.34"));
        Object id = get(m, "id");
        List<Record> records;
        if (exec == Exec.JDBC) {
            PostgresBackend b = db.blocking();
            records = b.dsl().fetch(Specimen.find.using(b).where("id = ?", id).asSelect());
            List<Record> derived = b.dsl().selectFrom(Specimen.find.using(b).where("id = ?", id).asSelect().asTable("t")).fetch();
            assertThat(derived.get(0).get("cash", BigDecimal.class)).isEqualByComparingTo("12.34");
        } else {
            AsyncPostgresBackend a = db.async();
            records = Flux.from(a.dsl().selectFrom(AsyncSpecimen.find.using(a).where("id = ?", id).asSelect().asTable("t")))
                    .cast(Record.class).collectList().block(WAIT);
        }
        assertThat(records).singleElement().satisfies(r -> assertThat(r.get("cash", BigDecimal.class)).isEqualByComparingTo("12.34"));
    }
}
