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

    /** find.table() has the model's columns as typed fields: select() from it reads every column as the models do. */
    @BothBackends
    void rawSelectFromTheModelsTableReadsAsTheModelsDo(Exec exec, TestDatabase db) {
        ModelOps ops = ModelOps.on(exec, db);
        Model m = ops.insert("Specimen", "num", new BigDecimal("1.500"), "instant", java.time.Instant.parse("1969-12-31T23:59:59.5Z"),
                "span", Duration.ofMillis(-500), "clock", java.time.LocalTime.parse("10:00:00.000001"));
        Object id = get(m, "id");
        Model read;
        if (exec == Exec.JDBC) {
            PostgresBackend b = db.blocking();
            read = b.dsl().select().from(Specimen.find.table()).where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("id")).eq(id))
                    .fetch(Specimen.find.using(b).mapper()).get(0);
        } else {
            AsyncPostgresBackend a = db.async();
            read = Flux.from(a.dsl().select().from(AsyncSpecimen.find.table()).where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("id")).eq(id)))
                    .map(r -> AsyncSpecimen.find.using(a).mapper().map(r)).blockFirst(WAIT);
        }
        for (String field : List.of("num", "instant", "span", "clock")) {
            Object expected = get(m, field);
            Object actual = get(read, field);
            assertThat(actual).as(field).isEqualTo(expected);
        }
        assertThat(Specimen.find.table().field("num")).as("a typed field").isNotNull();
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
