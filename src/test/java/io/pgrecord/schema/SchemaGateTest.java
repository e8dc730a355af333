package io.pgrecord.schema;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgrecord.Capabilities;
import io.pgrecord.Capability;
import io.pgrecord.Model;
import io.pgrecord.ServerVersion;
import io.pgrecord.StatementLog;
import io.pgrecord.error.UnsupportedCapabilityException;
import io.pgrecord.internal.schema.SchemaStatements;
import io.pgrecord.testing.BothBackends;
import io.pgrecord.testing.Exec;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.SchemaViews;
import io.pgrecord.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Version-gated DDL works where the server has the feature and sends nothing where it does not. */
@ExtendWith(PgExtension.class)
@Tag("matrix")
class SchemaGateTest {

    @BothBackends
    void nullsNotDistinctIndexNeeds15(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        Inspector insp = SchemaViews.inspector(exec, db);
        String table = "codes_" + exec.name().toLowerCase(java.util.Locale.ROOT);
        db.execute("CREATE TABLE " + table + " (code text, region text)");
        schema.createIndex(Index.on(table).columns("region").unique());
        Index nnd = Index.on(table).named(table + "_nnd").columns("code").nullsNotDistinct();
        StatementLog log = log(exec, db);
        if (capabilities(exec, db).supports(Capability.NULLS_NOT_DISTINCT)) {
            schema.createIndex(nnd);
            db.execute("INSERT INTO " + table + " VALUES (NULL, 'a')");
            assertThatThrownBy(() -> db.execute("INSERT INTO " + table + " VALUES (NULL, 'b')")).hasMessageContaining(table + "_nnd");
        } else {
            log.start();
            assertThatThrownBy(() -> schema.createIndex(nnd)).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageStartingWith("NULLS_NOT_DISTINCT requires PostgreSQL 15+");
            assertThat(log.stop()).isEmpty();
        }
        boolean expected = capabilities(exec, db).supports(Capability.NULLS_NOT_DISTINCT);
        assertThat(insp.indexes(table)).extracting(IndexInfo::name, IndexInfo::unique, IndexInfo::nullsNotDistinct)
                .containsExactlyElementsOf(expected
                        ? List.of(org.assertj.core.groups.Tuple.tuple(table + "_nnd", true, true),
                                org.assertj.core.groups.Tuple.tuple(table + "_region_idx", true, false))
                        : List.of(org.assertj.core.groups.Tuple.tuple(table + "_region_idx", true, false)));
    }

    @BothBackends
    void virtualGeneratedColumnNeeds18(Exec exec, TestDatabase db) {
        SchemaManager schema = SchemaViews.schema(exec, db);
        ModelOps ops = ModelOps.on(exec, db);
        schema.dropTableIfExists(ops.type("Ticket"));
        StatementLog log = log(exec, db);
        if (capabilities(exec, db).supports(Capability.VIRTUAL_GENERATED_COLUMNS)) {
            schema.createTable(ops.type("Ticket"));
            assertThat(SchemaViews.inspector(exec, db).columns("tickets")).filteredOn(c -> c.name().equals("doubled"))
                    .singleElement().satisfies(c -> {
                        assertThat(c.generation()).isEqualTo("VIRTUAL");
                        assertThat(c.generated()).isEqualTo("(price * 2)");
                    });
            Model t = ops.insert("Ticket", "price", 21);
            assertThat((Integer) get(t, "doubled")).isEqualTo(42);
        } else {
            log.start();
            assertThatThrownBy(() -> schema.createTable(ops.type("Ticket"))).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageStartingWith("VIRTUAL_GENERATED_COLUMNS requires PostgreSQL 18+");
            assertThat(log.stop()).isEmpty();
            assertThat(db.queryValue("SELECT to_regclass('tickets') IS NULL")).isEqualTo(true);
        }
    }

    @Test
    void everyGateIsCheckedBeforeAnyStatementIsPlanned() {
        Capabilities pg10 = Capabilities.of(ServerVersion.of(10, 0));
        Capabilities pg11 = Capabilities.of(ServerVersion.of(11, 0));
        assertThatThrownBy(() -> SchemaStatements.createIndex(Index.on("t").columns("a").include("b")).apply(pg10))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageStartingWith("COVERING_INDEX requires PostgreSQL 11+");
        assertThatThrownBy(() -> SchemaStatements.createTable(io.pgrecord.models.Measurement.class,
                TableOptions.defaults().partitionByHash("id"), false).apply(pg10))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageStartingWith("HASH_PARTITIONING requires PostgreSQL 11+");
        assertThatThrownBy(() -> SchemaStatements.createPartition(Partition.named("p").of("t").hash(2, 0)).apply(pg10))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageStartingWith("HASH_PARTITIONING");
        assertThatThrownBy(() -> SchemaStatements.createTable(io.pgrecord.models.Item.class, TableOptions.defaults(), false).apply(pg11))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageStartingWith("GENERATED_COLUMNS requires PostgreSQL 12+");
        assertThat(SchemaStatements.createIndex(Index.on("t").columns("a").include("b")).apply(pg11)).isNotNull();
    }

    private static Capabilities capabilities(Exec exec, TestDatabase db) {
        return exec == Exec.JDBC ? db.blocking().capabilities() : db.async().capabilities();
    }

    private static StatementLog log(Exec exec, TestDatabase db) {
        return exec == Exec.JDBC ? db.blocking().statementLog() : db.async().statementLog();
    }
}
