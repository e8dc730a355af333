package io.pgrecord;

import static io.pgrecord.testing.ModelOps.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgrecord.models.Schema;
import io.pgrecord.testing.ModelOps;
import io.pgrecord.testing.PgExtension;
import io.pgrecord.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A blocking backend over the application's own DataSource: models, transactions, and the pool stays the application's. */
@ExtendWith(PgExtension.class)
class OwnDataSourceTest {

    @BeforeAll
    static void schema(TestDatabase db) {
        Schema.create(db);
    }

    private static HikariDataSource applicationPool(TestDatabase db, boolean untypedStrings) {
        PostgresConnectionConfig c = db.config();
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:postgresql://" + c.host() + ":" + c.port() + "/" + c.database());
        hc.setUsername(c.username());
        hc.setPassword(c.password());
        hc.setMaximumPoolSize(3);
        if (untypedStrings) {
            hc.addDataSourceProperty("stringtype", "unspecified");
        }
        return new HikariDataSource(hc);
    }

    @Test
    void modelsAndTransactionsRunOnTheApplicationsPoolWhichCloseLeavesOpen(TestDatabase db) {
        try (HikariDataSource pool = applicationPool(db, true)) {
            PostgresBackend backend = PostgresBackend.of(pool);
            ModelOps ops = ModelOps.with(backend);
            assertThat(backend.serverVersion().major()).isGreaterThanOrEqualTo(12);

            Model ann = ops.insert("User", "name", "Ann own", "email", "ann-own@example.com", "metadata", Map.of("role", "admin"));
            Model found = ops.getById("User", get(ann, "id"));
            assertThat((String) get(found, "name")).isEqualTo("Ann own");
            // a string compared with jsonb: untyped, as on pgrecord's own pool
            assertThat(ops.count(ops.query("User").where("metadata @> ?", "{\"role\": \"admin\"}"))).isEqualTo(1);

            assertThatThrownBy(() -> backend.transactionManager().inTransaction(() -> {
                ops.insert("User", "name", "Bob own", "email", "bob-own@example.com");
                throw new IllegalStateException("roll back");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(db.queryValue("SELECT count(*) FROM users WHERE name = 'Bob own'")).isEqualTo(0L);

            assertThat(ops.copyIn("User", List.of(ops.create("User", "name", "Cy own")))).isEqualTo(1);

            backend.close();
            assertThat(backend.isClosed()).isTrue();
            assertThat(pool.isClosed()).isFalse();
            try (var c = pool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM users WHERE name LIKE '% own'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDataSourceThatBindsStringsAsVarcharIsRefusedNamingTheProperty(TestDatabase db) {
        try (HikariDataSource pool = applicationPool(db, false); PostgresBackend backend = PostgresBackend.of(pool)) {
            assertThatThrownBy(backend::connect).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stringtype=unspecified");
            assertThat(pool.isClosed()).isFalse();
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }
}
