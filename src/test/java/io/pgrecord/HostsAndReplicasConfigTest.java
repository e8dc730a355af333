package io.pgrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Host lists, {@code load_balance_hosts} and replicas in the configuration: accepted as libpq takes them, or refused by name. */
class HostsAndReplicasConfigTest {

    private static PostgresConnectionConfig.Builder base() {
        return PostgresConnectionConfig.builder().database("db").username("u");
    }

    @Test
    void aUrlWithSeveralHostsKeepsThemAllWithTheSessionAttributes() {
        PostgresConnectionConfig c = PostgresConnectionConfig.fromUrl(
                "postgresql://u:p@h1:5432,h2:5433,[::1]:5434/db?target_session_attrs=read-write&load_balance_hosts=random");
        assertThat(c.host()).isEqualTo("h1:5432,h2:5433,[::1]:5434");
        assertThat(c.option("target_session_attrs")).isEqualTo("read-write");
        assertThat(c.option("load_balance_hosts")).isEqualTo("random");
        assertThat(c.database()).isEqualTo("db");
        assertThat(c.password()).isEqualTo("p");
    }

    @Test
    void aHostListOnTheBuilderIsValidatedEntryByEntry() {
        assertThat(base().host("a:5432,b").port(6000).build().host()).isEqualTo("a:5432,b");
        assertThatThrownBy(() -> base().host("a:5432,").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid host ''").hasMessageContaining("'a:5432,'");
        assertThatThrownBy(() -> base().host("a:5432,b:99999").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b:99999'").hasMessageContaining("1..65535");
        assertThatThrownBy(() -> base().host("a,[::1").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'[::1'").hasMessageContaining("brackets");
        assertThatThrownBy(() -> base().option("load_balance_hosts", "round-robin").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disable, random");
        assertThatThrownBy(() -> base().driverOption("loadBalanceHosts", true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("load_balance_hosts");
    }

    @Test
    void replicasInTheUrlShareThePrimarysSettings() {
        PostgresConnectionConfig c = PostgresConnectionConfig.fromUrl(
                "postgresql://u:p@primary:5432/db?replicas=r1:5433,r2&application_name=app");
        assertThat(c.replicas()).extracting(PostgresConnectionConfig::host, PostgresConnectionConfig::port)
                .containsExactly(tuple("r1", 5433), tuple("r2", 5432));
        assertThat(c.replicas()).allSatisfy(r -> {
            assertThat(r.username()).isEqualTo("u");
            assertThat(r.password()).isEqualTo("p");
            assertThat(r.database()).isEqualTo("db");
            assertThat(r.applicationName()).isEqualTo("app");
            assertThat(r.replicas()).isEmpty();
        });
        assertThat(c.toString()).contains("replicas=[r1:5433, r2:5432]").doesNotContain("p@");
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void replicasFromTheUrlFollowAChangeOfThePrimarysSettings() {
        PostgresConnectionConfig c = PostgresConnectionConfig.fromUrl(
                "postgresql://u:old@primary:5432/db?replicas=r1:5433&target_session_attrs=read-write");
        PostgresConnectionConfig explicit = base().host("r2").password("own").build();
        PostgresConnectionConfig changed = c.toBuilder().password("new").database("db2").replica(explicit).build();
        assertThat(changed.replicas()).extracting(PostgresConnectionConfig::host, PostgresConnectionConfig::password,
                PostgresConnectionConfig::database)
                .containsExactly(tuple("r2", "own", "db"), tuple("r1", "new", "db2"));
        assertThat(changed.replicas().get(1).option("target_session_attrs")).isEqualTo("any");
        // derived twice, the URL's replicas are not doubled, and an added replica stays
        assertThat(changed.toBuilder().build()).isEqualTo(changed);
        assertThat(changed.toBuilder().build().replicas()).hasSize(2);
    }

    @Test
    void replicaSettingsAreValidated() {
        PostgresConnectionConfig replica = base().host("r1").build();
        PostgresConnectionConfig c = base().replica(replica).readYourWrites(Duration.ofSeconds(1))
                .maxReplicaLag(Duration.ofSeconds(2)).build();
        assertThat(c.replicas()).containsExactly(replica);
        assertThat(c.readYourWrites()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.maxReplicaLag()).isEqualTo(Duration.ofSeconds(2));
        assertThat(base().build().readYourWrites()).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> base().replica(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot have replicas of its own");
        assertThatThrownBy(() -> base().readYourWrites(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readYourWrites");
        assertThatThrownBy(() -> base().maxReplicaLag(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxReplicaLag");
        PostgresConnectionConfig.Builder many = base();
        for (int i = 0; i < 65; i++) {
            many.replica(replica);
        }
        assertThatThrownBy(many::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl("postgresql://u@h/db?replicas=r1:0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'r1:0'");
    }

    @Test
    void aRepeatedReplicasParameterIsRefusedRatherThanTheLastOneWinning() {
        assertThatThrownBy(() -> PostgresConnectionConfig.fromUrl(
                "postgresql://u:secret@primary/db?replicas=r1:5433&replicas=r2:5434"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'replicas'")
                .hasMessageContaining("more than once").hasMessageContaining("comma-separated in one parameter")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThat(PostgresConnectionConfig.fromUrl("postgresql://u@primary/db?replicas=r1:5433,r2:5434").replicas())
                .extracting(PostgresConnectionConfig::host, PostgresConnectionConfig::port)
                .containsExactly(tuple("r1", 5433), tuple("r2", 5434));
    }
}
